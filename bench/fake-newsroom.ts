import "server-only";
import { createHash, randomInt, randomUUID } from "node:crypto";
import path from "node:path";
import { base, en, Faker } from "@faker-js/faker";
import { and, count, inArray, isNull, sql } from "drizzle-orm";
import sharp from "sharp";
import { loadNewsroomContent } from "@/lib/content/load";
import { figureMarkup } from "@/lib/editor/body-commands";
import { compileArticle, type CompiledArticle } from "@/lib/mdx/compile";
import { articleSlug, authorSlug, sectionSlug, tagSlug } from "@/lib/slugs";
import { articleModelColumns } from "@/db/article-models";
import { databaseDriver, getDb } from "@/db/client";
import type { Transaction } from "@/db/queries/staff";
import {
  articleBylines,
  articlePhotos,
  articles,
  articleTags,
  sections,
  media,
  tagRedirects,
  tags,
  users,
  type NewMedia,
  type NewUser,
} from "@/db/schema";

/**
 * A newsroom's worth of invented stories for benchmarks and load tests. The
 * cast (sections, tags, bylines, photos) is the same on every run, so a second
 * run grows the same newsroom instead of founding another one beside it.
 */
export type FakeNewsroomOptions = {
  articles: number;
  /** Same seed, same stories; without one a random seed is drawn and reported. */
  seed?: number;
  onProgress?: (progress: FakeNewsroomProgress) => void;
};

export type FakeNewsroomProgress = { inserted: number; total: number; articlesPerSecond: number };

export type FakeNewsroomReport = {
  seed: number;
  articles: number;
  drafts: number;
  sections: number;
  tags: number;
  authors: number;
  photos: number;
  bodies: number;
  prepareSeconds: number;
  insertSeconds: number;
  articlesPerSecond: number;
};

export const FAKE_TAG_COUNT = 2_000;
const FAKE_AUTHOR_COUNT = 60;
const FAKE_PHOTO_COUNT = 30;
/** Bylines that cannot receive mail: `.invalid` is reserved, so nobody can claim these addresses. */
const FAKE_AUTHOR_EMAIL_DOMAIN = "newsroom.invalid";

const CAST_SEED = 1_846;
const BATCH_SIZE = 1_000;
const MAX_BODY_POOL = 300;
const MIN_BODY_POOL = 24;
const COMPILE_CONCURRENCY = 4;
const DRAFT_SHARE = 0.02;
const HERO_PHOTO_SHARE = 0.85;
const YEARS_OF_ARCHIVE = 10;
const DAY_MS = 86_400_000;

// --- Who is who: sampling with the skew a real newsroom has -----------------------------------

/** Rank 1 is drawn most, rank n about n^exponent times less: a few tags and writers carry most stories. */
function zipfPicker<T>(items: readonly T[], exponent: number, faker: Faker): () => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, rank) => cumulative.push((total += 1 / (rank + 1) ** exponent)));
  return () => {
    const target = faker.number.float({ max: total });
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return items[low]!;
  };
}

function distinctDraws<T>(draw: () => T, howMany: number): T[] {
  const drawn = new Set<T>();
  // Bounded: a skewed draw repeats the leaders often, and a story with one tag fewer is still a story.
  for (let attempt = 0; drawn.size < howMany && attempt < howMany * 8; attempt += 1) drawn.add(draw());
  return [...drawn];
}

// --- Words: English-looking prose, so the search vector holds real stems -------------------

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;
const amount = (faker: Faker, min: number, max: number) => faker.number.int({ min, max }).toLocaleString("en-GB");

function speaker(faker: Faker): string {
  return faker.helpers.arrayElement([
    () => `${faker.person.fullName()}, the mayor of ${faker.location.city()}`,
    () => `${faker.person.fullName()}, a councillor in ${faker.location.city()}`,
    () => `${faker.person.fullName()}, a spokesperson for ${faker.company.name()}`,
    () => `${faker.person.fullName()}, an economist at ${faker.company.name()}`,
    () => `${faker.person.fullName()}, who chairs the ${faker.word.noun()} committee`,
  ])();
}

const SENTENCES: ReadonlyArray<(faker: Faker) => string> = [
  (f) =>
    `Officials in ${f.location.city()} said the ${f.word.adjective()} ${f.word.noun()} would be reviewed before ${f.date.month()}.`,
  (f) => `"We have to ${f.word.verb()} the ${f.word.noun()} now, not next year," said ${speaker(f)}.`,
  (f) =>
    `The ${f.word.noun()} has cost ${f.company.name()} roughly ${amount(f, 2, 900)} million over the past ${amount(f, 2, 12)} years.`,
  (f) =>
    `According to figures seen by The Meridian, ${amount(f, 1_000, 90_000)} households in ${f.location.country()} were affected.`,
  (f) =>
    `Critics argue that the ${f.word.adjective()} approach does little to ${f.word.verb()} the underlying ${f.word.noun()}.`,
  (f) =>
    `${f.person.fullName()}, who has followed the ${f.word.noun()} for a decade, called the decision ${f.word.adjective()}.`,
  (f) =>
    `A report published on ${f.date.weekday()} found that ${amount(f, 3, 97)} per cent of ${f.word.noun()} projects had been delayed.`,
  (f) => `Residents of ${f.location.city()} said they had not been consulted about the ${f.word.noun()}.`,
  (f) =>
    `Talks between ${f.location.country()} and ${f.location.country()} over the ${f.word.noun()} are expected to resume in ${f.date.month()}.`,
  (f) =>
    `Analysts at ${f.company.name()} expect the ${f.word.noun()} to ${f.word.verb()} further before the end of the year.`,
  (f) => `The ministry did not respond to a request for comment on the ${f.word.adjective()} ${f.word.noun()}.`,
  (f) =>
    `It is the ${f.helpers.arrayElement(["second", "third", "fourth"])} time this year that ${f.company.name()} has had to ${f.word.verb()} its plans.`,
];

// Markdown a writer uses now and then; kept apart because a standfirst is plain text.
const MARKED_UP_SENTENCES: ReadonlyArray<(faker: Faker) => string> = [
  (f) =>
    `Campaigners say the _${f.word.noun()}_ could ${f.word.verb()} ${amount(f, 20, 5_000)} jobs in ${f.location.county()}.`,
  (f) =>
    `The full findings were [published by ${f.company.name()}](https://www.example.org/reports/${f.string.alphanumeric(8).toLowerCase()}) on ${f.date.weekday()}.`,
];

const HEADLINES: ReadonlyArray<(faker: Faker) => string> = [
  (f) =>
    `${f.location.city()} ${f.helpers.arrayElement(["approves", "rejects", "delays", "backs"])} ${f.word.adjective()} ${f.word.noun()} plan`,
  (f) => `${f.company.name()} to cut ${amount(f, 20, 4_000)} jobs as ${f.word.noun()} costs rise`,
  (f) => `${f.location.country()} and ${f.location.country()} agree to share ${f.word.noun()} data`,
  (f) => `What the ${f.word.noun()} row means for ${f.location.city()}`,
  (f) => `${f.person.fullName()} named head of ${f.company.name()}`,
  (f) => `Inquiry finds ${f.word.adjective()} failings in ${f.location.city()} ${f.word.noun()} scheme`,
  (f) => `${amount(f, 2, 30)} years on, ${f.location.city()} is still waiting for its ${f.word.noun()}`,
  (f) => `Why ${f.word.noun()} prices in ${f.location.country()} keep rising`,
  (f) => `Protesters gather in ${f.location.city()} over ${f.word.adjective()} ${f.word.noun()} law`,
  (f) => `${f.location.country()} election: ${f.person.fullName()} promises to ${f.word.verb()} the ${f.word.noun()}`,
];

const SUBHEADINGS = [
  "What happens next",
  "The cost",
  "A long dispute",
  "Who pays",
  "On the ground",
  "The numbers",
  "Reaction",
];

const sentence = (faker: Faker) => faker.helpers.arrayElement(SENTENCES)(faker);

function paragraph(faker: Faker): string {
  const sentences = faker.helpers.multiple(() => sentence(faker), { count: { min: 3, max: 6 } });
  if (faker.number.float() < 0.3) sentences.push(faker.helpers.arrayElement(MARKED_UP_SENTENCES)(faker));
  return sentences.join(" ");
}

function pullQuote(faker: Faker): string {
  const quote = `${sentenceCase(faker.word.adjective())} ${faker.word.noun()} is not something we can ${faker.word.verb()} overnight.`;
  return `<PullQuote by="${faker.person.fullName()}">${quote}</PullQuote>`;
}

function bulletList(faker: Faker): string {
  return faker.helpers.multiple(() => `- ${sentence(faker)}`, { count: { min: 3, max: 5 } }).join("\n");
}

export type PhotoForFigure = Parameters<typeof figureMarkup>[0];

/**
 * 300 to 1,500 words as the compiler counts them (captions included), with one
 * to three library photos, subheadings, now and then a pull quote or a list.
 */
function articleBody(faker: Faker, photos: readonly PhotoForFigure[]): string {
  // The mean of two draws: most stories are mid-length, a few short or long.
  const target = Math.round(
    (faker.number.int({ min: 320, max: 1_250 }) + faker.number.int({ min: 320, max: 1_250 })) / 2,
  );
  const toShow = faker.helpers.arrayElements(photos, { min: 1, max: 3 });
  const blocks: string[] = [];
  let words = 0;
  const add = (block: string, counted = wordsIn(block)) => {
    blocks.push(block);
    words += counted;
  };
  for (let index = 0; words < target; index += 1) {
    if (index > 0 && index % 5 === 0) add(`## ${faker.helpers.arrayElement(SUBHEADINGS)}`);
    add(paragraph(faker));
    const photo = index === 0 || index % 4 === 2 ? toShow.shift() : undefined;
    if (photo) add(figureMarkup(photo), wordsIn(photo.caption));
    if (index % 7 === 3 && faker.datatype.boolean()) add(pullQuote(faker));
    if (index % 9 === 5 && faker.datatype.boolean()) add(bulletList(faker));
  }
  return `${blocks.join("\n\n")}\n`;
}

/**
 * `count` bodies as `npm run db:fake` writes them, without a database: the staff editor's round-trip
 * test opens each one, so what the benchmarks' newsroom holds is what that test proves.
 */
export function fakeArticleBodies(count: number, seed: number, photos: readonly PhotoForFigure[]): string[] {
  const faker = new Faker({ locale: [en, base], seed });
  return Array.from({ length: count }, () => articleBody(faker, photos));
}

// --- The cast: the same sections, tags, bylines and photos on every run -----------------------

const LEADING_TOPICS = [
  "Elections",
  "Inflation",
  "Climate change",
  "Energy",
  "Housing",
  "Health",
  "Schools",
  "Trade",
  "Migration",
  "Artificial intelligence",
  "Defence",
  "Transport",
  "Courts",
  "Water",
  "Farming",
  "Wildfires",
  "Jobs",
  "Taxes",
];

/** Big running stories first, then places, companies, people and themes: the rank is the Zipf rank. */
function tagVocabulary(cast: Faker): string[] {
  const bySlug = new Map<string, string>();
  const add = (name: string) => {
    const slug = tagSlug(name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, name);
  };
  LEADING_TOPICS.forEach(add);
  const sources = [
    () => cast.location.country(),
    () => cast.location.city(),
    () => cast.company.name(),
    () => cast.person.fullName(),
    () => sentenceCase(`${cast.word.adjective()} ${cast.word.noun()}`),
  ];
  while (bySlug.size < FAKE_TAG_COUNT) add(cast.helpers.arrayElement(sources)());
  return [...bySlug.values()];
}

function bylines(cast: Faker): NewUser[] {
  const bySlug = new Map<string, NewUser>();
  while (bySlug.size < FAKE_AUTHOR_COUNT) {
    const name = cast.person.fullName();
    const slug = authorSlug(name);
    const beat = cast.helpers.arrayElement(LEADING_TOPICS).toLowerCase();
    bySlug.set(slug, {
      name,
      slug,
      email: `${slug}@${FAKE_AUTHOR_EMAIL_DOMAIN}`,
      role: bySlug.size < FAKE_AUTHOR_COUNT / 5 ? "editor" : "writer",
      bio: `${name} reports on ${beat} and has written for the newsroom since ${cast.number.int({ min: 2008, max: 2022 })}.`,
      // No password hash: a byline, never an account anyone can sign in to.
      passwordHash: null,
    });
  }
  return [...bySlug.values()];
}

const SKIES = [
  { name: "a pale dawn sky", top: "#f3b48f", bottom: "#fbe6cc", light: "#fff4d6" },
  { name: "a clear midday sky", top: "#3f86d4", bottom: "#bfe0f7", light: "#fffbe6" },
  { name: "an orange evening sky", top: "#d9642e", bottom: "#f7c173", light: "#ffe7a8" },
  { name: "a stormy grey sky", top: "#4f5863", bottom: "#a9b0b8", light: "#d9dde2" },
  { name: "a night sky", top: "#0d1b3a", bottom: "#2b3f6b", light: "#f2f2e6" },
] as const;

type Sky = (typeof SKIES)[number];
type Scene = { name: string; draw: (faker: Faker, width: number, height: number, sky: Sky) => string };

const SCENES: readonly Scene[] = [
  {
    name: "Rolling hills",
    draw: (f, w, h) =>
      ["#6f8f4e", "#4f7038", "#33502a"]
        .map((fill, layer) => {
          const y = h * (0.55 + layer * 0.12);
          const rise = f.number.int({ min: 20, max: 90 });
          return `<path d="M0 ${h} L0 ${y} Q${w * 0.25} ${y - rise} ${w * 0.5} ${y} T${w} ${y} L${w} ${h} Z" fill="${fill}"/>`;
        })
        .join(""),
  },
  {
    name: "A city skyline",
    draw: (f, w, h, sky) => {
      const towers: string[] = [];
      for (let x = 0; x < w; x += f.number.int({ min: 40, max: 120 })) {
        const top = h * f.number.float({ min: 0.3, max: 0.7 });
        towers.push(
          `<rect x="${x}" y="${top}" width="${f.number.int({ min: 36, max: 110 })}" height="${h - top}" fill="#2d3038"/>`,
        );
        towers.push(`<rect x="${x + 10}" y="${top + 20}" width="8" height="12" fill="${sky.light}" opacity="0.7"/>`);
      }
      return towers.join("");
    },
  },
  {
    name: "A calm sea",
    draw: (f, w, h) => {
      const waves = f.helpers.multiple(
        () =>
          `<rect x="${f.number.int({ max: w })}" y="${f.number.int({ min: h * 0.62, max: h })}" width="${f.number.int({ min: 40, max: 200 })}" height="3" fill="#ffffff" opacity="0.35"/>`,
        { count: 24 },
      );
      return `<rect y="${h * 0.6}" width="${w}" height="${h * 0.4}" fill="#1f4e79"/>${waves.join("")}`;
    },
  },
  {
    name: "Ploughed fields",
    draw: (f, w, h) =>
      Array.from({ length: 8 }, (_, row) => {
        const fill = row % 2 === 0 ? "#8a6a3d" : f.helpers.arrayElement(["#a5873f", "#6d8b3a"]);
        return `<rect y="${h * (0.6 + row * 0.05)}" width="${w}" height="${h * 0.05 + 1}" fill="${fill}"/>`;
      }).join(""),
  },
];

const CAMERAS = [
  "Canon EOS 5D Mark IV",
  "Nikon D850",
  "Sony Alpha a7 III",
  "Fujifilm X-T4",
  "Canon EOS R5",
  "Leica Q2",
];

function sceneSvg(cast: Faker, scene: Scene, sky: Sky, width: number, height: number): string {
  const sun = `<circle cx="${cast.number.int({ min: width * 0.1, max: width * 0.9 })}" cy="${height * 0.25}" r="${cast.number.int({ min: 30, max: 80 })}" fill="${sky.light}"/>`;
  const gradient = `<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky.top}"/><stop offset="1" stop-color="${sky.bottom}"/></linearGradient>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>${gradient}</defs><rect width="${width}" height="${height}" fill="url(#sky)"/>${sun}${scene.draw(cast, width, height, sky)}</svg>`;
}

type Shot = Omit<NewMedia, "data" | "contentHash" | "byteSize"> & { svg: string; asWebp: boolean };

/** A landscape as the camera saw it; every die is cast here, in order, so the same shots come out on every run. */
function compose(cast: Faker, index: number, uploadedById: string | null): Shot {
  const scene = cast.helpers.arrayElement(SCENES);
  const sky = cast.helpers.arrayElement(SKIES);
  const [width, height] = index % 6 === 5 ? [800, 1000] : [1200, 800];
  const asWebp = index % 3 === 2;
  const capturedAt = cast.date.past({ years: YEARS_OF_ARCHIVE });
  const altText = `${scene.name} under ${sky.name}`;
  const when = capturedAt.toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  return {
    svg: sceneSvg(cast, scene, sky, width, height),
    asWebp,
    mimeType: asWebp ? "image/webp" : "image/jpeg",
    width,
    height,
    altText,
    caption: `${altText} near ${cast.location.city()}, ${when}.`,
    credit: cast.person.fullName(),
    camera: cast.helpers.arrayElement(CAMERAS),
    capturedAt,
    originalName: `meridian-${String(index + 1).padStart(2, "0")}.${asWebp ? "webp" : "jpg"}`,
    uploadedById,
  };
}

const GRAIN_TILE = 256;

/**
 * Film grain from the cast's dice rather than sharp's noise generator, which is
 * random: the same bytes every run mean the same content hash, so the library
 * keeps 30 photos however often the newsroom is faked. Grain also gives the files
 * the weight of real photos (~80–150 KB) instead of a few KB of flat colour.
 */
function grainTile(cast: Faker): Promise<Buffer> {
  const pixels = Buffer.alloc(GRAIN_TILE * GRAIN_TILE * 3);
  for (let pixel = 0; pixel < GRAIN_TILE * GRAIN_TILE; pixel += 1) {
    const level = 128 + Math.round((cast.number.float() + cast.number.float() - 1) * 48);
    pixels.fill(level, pixel * 3, pixel * 3 + 3);
  }
  return sharp(pixels, { raw: { width: GRAIN_TILE, height: GRAIN_TILE, channels: 3 } })
    .png()
    .toBuffer();
}

async function develop({ svg, asWebp, ...shot }: Shot, grain: Buffer): Promise<NewMedia> {
  const image = sharp(Buffer.from(svg)).composite([{ input: grain, tile: true, blend: "soft-light" }]);
  const bytes = new Uint8Array(
    await (asWebp ? image.webp({ quality: 78 }) : image.jpeg({ quality: 80, mozjpeg: true })).toBuffer(),
  );
  return {
    ...shot,
    data: bytes,
    byteSize: bytes.byteLength,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
  };
}

// --- Writing the cast to the database, reusing whatever is already there ----------------------

async function ensureSections(): Promise<string[]> {
  const { sections: contentSections } = await loadNewsroomContent(path.join(process.cwd(), "content"));
  const db = getDb();
  const existing = await db.select({ slug: sections.slug, position: sections.position }).from(sections);
  const taken = new Set(existing.map((row) => row.slug));
  const after = Math.max(-1, ...existing.map((row) => row.position)) + 1;
  const missing = contentSections.filter((section) => !taken.has(sectionSlug(section.name)));
  if (missing.length > 0) {
    await db
      .insert(sections)
      .values(
        missing.map((s, i) => ({
          slug: sectionSlug(s.name),
          name: s.name,
          description: s.description,
          position: after + i,
        })),
      )
      .onConflictDoNothing({ target: sections.slug });
  }
  const rows = await db.select({ id: sections.id }).from(sections).orderBy(sections.position, sections.name);
  return rows.map((row) => row.id);
}

/** Tag ids in Zipf rank order; a vocabulary slug that an editor renamed or merged follows its redirect. */
async function ensureTags(names: readonly string[]): Promise<string[]> {
  const db = getDb();
  const slugs = names.map(tagSlug);
  const redirects = await db
    .select({ oldSlug: tagRedirects.oldSlug, tagId: tagRedirects.tagId })
    .from(tagRedirects)
    .where(inArray(tagRedirects.oldSlug, slugs));
  const redirected = new Map(redirects.map((row) => [row.oldSlug, row.tagId]));
  const fresh = names.map((name, i) => ({ name, slug: slugs[i]! })).filter((tag) => !redirected.has(tag.slug));
  for (let start = 0; start < fresh.length; start += BATCH_SIZE) {
    await db
      .insert(tags)
      .values(fresh.slice(start, start + BATCH_SIZE))
      .onConflictDoNothing({ target: tags.slug });
  }
  const rows = await db.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, slugs));
  const found = new Map(rows.map((row) => [row.slug, row.id]));
  return slugs.flatMap((slug) => found.get(slug) ?? redirected.get(slug) ?? []);
}

type Byline = { id: string; role: "admin" | "editor" | "writer" };

/** Only bylines nobody signs in with: a name that collides with a real account is left out, not borrowed. */
async function ensureAuthors(people: readonly NewUser[]): Promise<Byline[]> {
  const db = getDb();
  await db
    .insert(users)
    .values([...people])
    .onConflictDoNothing();
  const slugs = people.map((person) => person.slug);
  const rows = await db
    .select({ id: users.id, slug: users.slug, role: users.role })
    .from(users)
    .where(and(inArray(users.slug, slugs), isNull(users.passwordHash)));
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

async function ensurePhotos(cast: Faker, uploadedById: string | null): Promise<PhotoForFigure[]> {
  const grain = await grainTile(cast);
  const composed = Array.from({ length: FAKE_PHOTO_COUNT }, (_, index) => compose(cast, index, uploadedById));
  const shots = await Promise.all(composed.map((shot) => develop(shot, grain)));
  const db = getDb();
  await db.insert(media).values(shots).onConflictDoNothing({ target: media.contentHash });
  const hashes = shots.map((shot) => shot.contentHash!);
  // Read back rather than trust what was drawn: an editor may have rewritten a caption since the last run.
  const rows = await db
    .select({
      id: media.id,
      width: media.width,
      height: media.height,
      caption: media.caption,
      altText: media.altText,
      camera: media.camera,
    })
    .from(media)
    .where(inArray(media.contentHash, hashes));
  return rows.map((row) => ({ ...row, width: row.width ?? 0, height: row.height ?? 0 }));
}

// --- The stories -------------------------------------------------------------------------------

/** A body with its code and model (`photoIds`: the library photos it shows), built once per body. */
type PooledBody = CompiledArticle & { bodyMdx: string };

/** Compiling costs ~25 ms a story: a few hundred bodies compiled once each, shared by every story. */
async function compileBodyPool(bodies: readonly string[]): Promise<PooledBody[]> {
  const pool: PooledBody[] = [];
  let next = 0;
  const compileNext = async (): Promise<void> => {
    for (let index = next++; index < bodies.length; index = next++) {
      const bodyMdx = bodies[index]!;
      pool[index] = { bodyMdx, ...(await compileArticle(bodyMdx)) };
    }
  };
  await Promise.all(Array.from({ length: COMPILE_CONCURRENCY }, compileNext));
  return pool;
}

const bodyPoolSize = (articleCount: number) =>
  Math.min(MAX_BODY_POOL, articleCount, Math.max(MIN_BODY_POOL, Math.ceil(articleCount / 10)));

type Newsroom = {
  sectionIds: string[];
  tagIds: string[];
  authors: Byline[];
  photos: PhotoForFigure[];
  bodies: PooledBody[];
};

async function castNewsroom(articleCount: number, faker: Faker): Promise<Newsroom> {
  const cast = new Faker({ locale: [en, base], seed: CAST_SEED });
  const sectionIds = await ensureSections();
  const tagIds = await ensureTags(tagVocabulary(cast));
  const authors = await ensureAuthors(bylines(cast));
  if (authors.length === 0) throw new Error("No byline without a sign-in is left to write the stories.");
  const photos = await ensurePhotos(cast, authors.find((author) => author.role === "editor")?.id ?? null);
  const bodies = await compileBodyPool(
    Array.from({ length: bodyPoolSize(articleCount) }, () => articleBody(faker, photos)),
  );
  return { sectionIds, tagIds, authors, photos, bodies };
}

/**
 * Publication times for the run, oldest first, so the table fills in the order a
 * newsroom's does; the archive thickens towards today as the newsroom grew.
 */
function publicationTimes(faker: Faker, howMany: number, now: number): number[] {
  const span = YEARS_OF_ARCHIVE * 365.25 * DAY_MS;
  return Array.from({ length: howMany }, () => now - 60_000 - span * faker.number.float() ** 1.3).sort((a, b) => a - b);
}

type FakeArticle = {
  article: {
    id: string;
    slug: string;
    headline: string;
    dek: string;
    sectionId: string;
    authorId: string;
    heroMediaId: string | null;
    status: "draft" | "published";
    publishedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  };
  /** Which pooled body the story tells: its index in `Newsroom.bodies`. */
  body: number;
  tagIds: string[];
};

const TAGS_PER_ARTICLE = [
  { weight: 2, value: 1 },
  { weight: 4, value: 2 },
  { weight: 4, value: 3 },
  { weight: 2, value: 4 },
  { weight: 1, value: 5 },
];

/**
 * Writes stories one after another; `position` counts from 0 within this run.
 * The first stories take the pooled bodies in turn, so each body is stored in
 * full once before any later story copies it.
 */
function articleWriter(faker: Faker, newsroom: Newsroom, firstSerial: number, now: number) {
  const section = zipfPicker(newsroom.sectionIds, 0.5, faker);
  const author = zipfPicker(
    newsroom.authors.map((byline) => byline.id),
    0.8,
    faker,
  );
  const tag = zipfPicker(newsroom.tagIds, 1, faker);
  const bodies = newsroom.bodies.length;
  return (position: number, publishedAt: number | null): FakeArticle => {
    const headline = sentenceCase(faker.helpers.arrayElement(HEADLINES)(faker));
    const written = publishedAt ?? now - faker.number.int({ min: 1, max: 30 }) * DAY_MS;
    const edited =
      faker.number.float() < 0.2 ? Math.min(now, written + faker.number.int({ max: 3 * DAY_MS })) : written;
    return {
      article: {
        id: randomUUID(),
        // The serial keeps slugs unique across runs, even two runs with the same seed.
        slug: `${articleSlug(headline)}-${(firstSerial + position).toString(36)}`,
        headline,
        dek: sentence(faker),
        sectionId: section(),
        authorId: author(),
        heroMediaId: faker.number.float() < HERO_PHOTO_SHARE ? faker.helpers.arrayElement(newsroom.photos).id : null,
        status: publishedAt === null ? "draft" : "published",
        publishedAt: publishedAt === null ? null : new Date(publishedAt),
        createdAt: new Date(written - faker.number.int({ min: 10, max: 360 }) * 60_000),
        updatedAt: new Date(edited),
      },
      body: position < bodies ? position : faker.number.int({ max: bodies - 1 }),
      tagIds: distinctDraws(tag, faker.helpers.weightedArrayElement(TAGS_PER_ARTICLE)),
    };
  };
}

/** The stories that first tell each pooled body, with its text, compiled code and model in full. */
async function insertFirstTellings(
  tx: Transaction,
  fakeArticles: readonly FakeArticle[],
  bodies: readonly PooledBody[],
) {
  await tx.insert(articles).values(
    fakeArticles.map(({ article, body }) => {
      const compiled = bodies[body]!;
      return {
        ...article,
        bodyMdx: compiled.bodyMdx,
        compiledCode: compiled.code,
        sourceHash: compiled.sourceHash,
        ...articleModelColumns(compiled),
        firstPublishedAt: article.publishedAt,
      };
    }),
  );
}

/**
 * Every later story copies its body, compiled code and model inside the
 * database from the first story that told it: one JSON parameter per batch
 * instead of ~17 KB of text per story through the driver.
 */
async function insertRetellings(
  tx: Transaction,
  fakeArticles: readonly FakeArticle[],
  firstTellings: readonly string[],
) {
  const rows = fakeArticles.map(({ article, body }) => ({ ...article, firstTelling: firstTellings[body] }));
  await tx.execute(sql`
    insert into ${articles} (id, slug, headline, dek, body_mdx, compiled_code, source_hash, plain_text, word_count,
      body_photo_ids, feed_body, model_version,
      category_id, author_id, hero_media_id, status, published_at, first_published_at, created_at, updated_at)
    select story.id, story.slug, story.headline, story.dek, first.body_mdx, first.compiled_code, first.source_hash,
      first.plain_text, first.word_count, first.body_photo_ids, first.feed_body, first.model_version,
      story."sectionId", story."authorId", story."heroMediaId", story.status,
      story."publishedAt", story."publishedAt", story."createdAt", story."updatedAt"
    from json_to_recordset(${JSON.stringify(rows)}::json) as story(id uuid, slug text, headline text, dek text,
      "sectionId" uuid, "authorId" uuid, "heroMediaId" uuid, status article_status, "publishedAt" timestamptz,
      "createdAt" timestamptz, "updatedAt" timestamptz, "firstTelling" uuid)
    join ${articles} as first on first.id = story."firstTelling"`);
}

/**
 * The rows recordArticlePhotos would write for each story (its lead, then its body's photos), made
 * in bulk: every photo is one this run found or put in the library.
 */
function photoLinks(fakeArticles: readonly FakeArticle[], bodies: readonly PooledBody[]) {
  return fakeArticles.flatMap(({ article, body }) => {
    const lead = article.heroMediaId;
    const inBody = bodies[body]!.photoIds.filter((mediaId) => mediaId !== lead);
    return [
      ...(lead ? [{ articleId: article.id, mediaId: lead, isLead: true }] : []),
      ...inBody.map((mediaId) => ({ articleId: article.id, mediaId, isLead: false })),
    ];
  });
}

async function insertArticles(
  fakeArticles: readonly FakeArticle[],
  bodies: readonly PooledBody[],
  storeArticles: (tx: Transaction) => Promise<unknown>,
): Promise<void> {
  const links = fakeArticles.flatMap(({ article, tagIds }) =>
    tagIds.map((tagId) => ({ articleId: article.id, tagId })),
  );
  const photos = photoLinks(fakeArticles, bodies);
  const bylines = fakeArticles.map(({ article }) => ({ articleId: article.id, userId: article.authorId, position: 0 }));
  await getDb().transaction(async (tx) => {
    await storeArticles(tx);
    if (bylines.length > 0) await tx.insert(articleBylines).values(bylines);
    if (links.length > 0) await tx.insert(articleTags).values(links);
    if (photos.length > 0) await tx.insert(articlePhotos).values(photos);
  });
}

/**
 * Two transactions in flight: PostgreSQL stores one batch (its search vector
 * costs ~0.7 ms a story) while the next is written and sent. PGlite runs one
 * query at a time in this process, so there a second would only queue.
 */
async function insertAll(
  batches: Iterable<FakeArticle[]>,
  insert: (fakeArticles: FakeArticle[]) => Promise<void>,
  onInserted: (count: number) => void,
) {
  const streams = databaseDriver() === "postgres" ? 2 : 1;
  const inFlight = new Set<Promise<void>>();
  for (const fakeArticles of batches) {
    const insertion: Promise<void> = insert(fakeArticles).then(() => {
      inFlight.delete(insertion);
      onInserted(fakeArticles.length);
    });
    // The first failure is the one reported; a second batch failing after it must not crash the process unheard.
    insertion.catch(() => {});
    inFlight.add(insertion);
    if (inFlight.size >= streams) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

type ArticleWriter = ReturnType<typeof articleWriter>;

function* batchesOfArticles(
  times: ReadonlyArray<number | null>,
  from: number,
  writeArticle: ArticleWriter,
): Generator<FakeArticle[]> {
  for (let start = from; start < times.length; start += BATCH_SIZE) {
    yield times.slice(start, start + BATCH_SIZE).map((publishedAt, i) => writeArticle(start + i, publishedAt));
  }
}

async function articleCount(): Promise<number> {
  const [row] = await getDb().select({ total: count() }).from(articles);
  return row?.total ?? 0;
}

/** Adds `articles` invented stories (about 2% of them drafts) to whatever the database holds. */
export async function fakeNewsroom(options: FakeNewsroomOptions): Promise<FakeNewsroomReport> {
  const seed = options.seed ?? randomInt(2 ** 31);
  const faker = new Faker({ locale: [en, base], seed });
  const prepareStarted = performance.now();
  const newsroom = await castNewsroom(options.articles, faker);
  const prepareSeconds = (performance.now() - prepareStarted) / 1_000;

  const now = Date.now();
  const drafts = Math.round(options.articles * DRAFT_SHARE);
  const times = [...publicationTimes(faker, options.articles - drafts, now), ...Array<null>(drafts).fill(null)];
  const writeArticle = articleWriter(faker, newsroom, (await articleCount()) + 1, now);
  const insertStarted = performance.now();
  let inserted = 0;
  const reportProgress = (count: number) => {
    inserted += count;
    const seconds = Math.max((performance.now() - insertStarted) / 1_000, 1e-3);
    options.onProgress?.({ inserted, total: times.length, articlesPerSecond: inserted / seconds });
  };

  const firstTellings = times
    .slice(0, newsroom.bodies.length)
    .map((publishedAt, position) => writeArticle(position, publishedAt));
  await insertArticles(firstTellings, newsroom.bodies, (tx) => insertFirstTellings(tx, firstTellings, newsroom.bodies));
  reportProgress(firstTellings.length);
  const firstTellingIds = firstTellings.map((fakeArticle) => fakeArticle.article.id);
  await insertAll(
    batchesOfArticles(times, firstTellings.length, writeArticle),
    (fakeArticles) =>
      insertArticles(fakeArticles, newsroom.bodies, (tx) => insertRetellings(tx, fakeArticles, firstTellingIds)),
    reportProgress,
  );
  const insertSeconds = (performance.now() - insertStarted) / 1_000;
  // The planner should see the new numbers before the first reader query does.
  await getDb().execute(sql`analyze`);
  return {
    seed,
    articles: options.articles,
    drafts,
    sections: newsroom.sectionIds.length,
    tags: new Set(newsroom.tagIds).size,
    authors: newsroom.authors.length,
    photos: newsroom.photos.length,
    bodies: newsroom.bodies.length,
    prepareSeconds,
    insertSeconds,
    articlesPerSecond: options.articles / Math.max(insertSeconds, 1e-3),
  };
}
