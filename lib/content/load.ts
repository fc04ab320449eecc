import fs from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { articleFrontMatterSchema, type ArticleFrontMatter } from "./front-matter";

const sectionsSchema = z.array(
  z.object({ name: z.string().trim().min(1), description: z.string().trim().default("") }),
);

const authorsSchema = z.array(
  z.object({
    name: z.string().trim().min(1),
    email: z.email(),
    role: z.enum(["admin", "editor", "writer"]).default("writer"),
    bio: z.string().trim().optional(),
  }),
);

export type ContentSection = z.infer<typeof sectionsSchema>[number];
export type ContentAuthor = z.infer<typeof authorsSchema>[number];
export type ContentArticle = { file: string; frontMatter: ArticleFrontMatter; body: string };
export type NewsroomContent = {
  sections: ContentSection[];
  authors: ContentAuthor[];
  articles: ContentArticle[];
};

export class ContentError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = "ContentError";
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(file)"} ${issue.message}`).join("; ");
}

async function readYamlList<T>(file: string, schema: z.ZodType<T[]>): Promise<T[]> {
  const text = await fs.readFile(file, "utf8").catch(() => null);
  if (text === null) return [];
  const parsed = schema.safeParse(parseYaml(text));
  if (!parsed.success) throw new ContentError(file, describeIssues(parsed.error));
  return parsed.data;
}

function refuseNonYamlFrontMatter(): never {
  throw new Error("front matter must be YAML (a block between two --- lines)");
}

// gray-matter's defaults include a JavaScript engine that runs a `---js` block: only YAML, read by
// its safe loader, is taken; any other language named after the dashes is refused.
const NON_YAML_LANGUAGES = ["javascript", "js", "coffee", "coffeescript", "cson", "json", "toml"];
const nonYamlEngines = Object.fromEntries(NON_YAML_LANGUAGES.map((name) => [name, refuseNonYamlFrontMatter]));

function readFrontMatter(file: string, text: string): matter.GrayMatterFile<string> {
  try {
    return matter(text, { language: "yaml", engines: nonYamlEngines });
  } catch (error) {
    throw new ContentError(file, (error as Error).message);
  }
}

async function readArticle(file: string): Promise<ContentArticle> {
  const { data, content } = readFrontMatter(file, await fs.readFile(file, "utf8"));
  const parsed = articleFrontMatterSchema.safeParse(data);
  if (!parsed.success) throw new ContentError(file, describeIssues(parsed.error));
  return { file, frontMatter: parsed.data, body: content.trim() + "\n" };
}

/** The newsroom's sections, staff and articles as the files in `content/` describe them. */
export async function loadNewsroomContent(directory: string): Promise<NewsroomContent> {
  const files = (await fs.readdir(directory)).filter((name) => name.endsWith(".mdx")).sort();
  const [sections, authors, articles] = await Promise.all([
    readYamlList(path.join(directory, "sections.yaml"), sectionsSchema),
    readYamlList(path.join(directory, "authors.yaml"), authorsSchema),
    Promise.all(files.map((name) => readArticle(path.join(directory, name)))),
  ]);
  return { sections, authors, articles };
}
