import { afterEach, describe, expect, it, vi } from "vitest";
import { xssVectors } from "@/test/fixtures/xss-vectors";
import { drawSocialCard, socialCardText } from "./social-card";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe("a headline on a social card", () => {
  it("keeps letters, digits and punctuation as written", () => {
    expect(socialCardText("Київ: «Перемир’я» — 3 ½ days in Łódź, São Paulo & Αθήνα")).toBe(
      "Київ: «Перемир’я» — 3 ½ days in Łódź, São Paulo & Αθήνα",
    );
  });

  it("keeps the joiners and direction marks some languages spell with", () => {
    expect(socialCardText("می\u200Cخواهم \u200Fسلام\u200E")).toBe("می\u200Cخواهم \u200Fسلام\u200E");
  });

  it("leaves off emoji, flags, skin tones and keycaps", () => {
    expect(socialCardText("🇺🇦 Ceasefire holds 🕊️ for 1️⃣ night 👩🏽‍⚕️")).toBe("Ceasefire holds for 1 night");
  });

  it("leaves off invisible format, control and unassigned characters", () => {
    expect(socialCardText("Zero\u200Bwidth \u202Eright-to-left\u202C \uFEFFbom \uFFFE\u0007bell")).toBe(
      "Zerowidth right-to-left bom bell",
    );
  });
});

/** The renderer may fetch its own bundled data: addresses; anything else is a call to another site, refused here. */
function refuseTheNetwork() {
  const realFetch = globalThis.fetch;
  const addresses: string[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const address = input instanceof Request ? input.url : String(input);
    if (address.startsWith("data:")) return realFetch(input, init);
    addresses.push(address);
    throw new Error("no network for social cards");
  });
  return addresses;
}

describe("drawing a social card", () => {
  afterEach(() => vi.restoreAllMocks());

  it(
    "draws a headline with emoji whole, without fetching anything from another site",
    { timeout: 60_000 },
    async () => {
      const fetched = refuseTheNetwork();
      const { png, complete } = await drawSocialCard({
        section: "Conflicts",
        headline: "🇺🇦 Ceasefire holds 🕊️ through the night",
        byline: "Ana Rocha",
      });
      expect(complete).toBe(true);
      expect([...new Uint8Array(png).slice(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(fetched).toEqual([]);
    },
  );

  it(
    "draws Czech, Polish, Ukrainian and Greek letters from its own fonts, without fetching anything",
    { timeout: 60_000 },
    async () => {
      const fetched = refuseTheNetwork();
      const { complete } = await drawSocialCard({
        section: "Світ",
        headline: "Łódź and Київ sign a grain deal; Αθήνα and Brno watch",
        byline: "Ana Kovač",
      });
      expect(complete).toBe(true);
      expect(fetched).toEqual([]);
    },
  );

  it("draws every cross-site scripting vector as a complete card", { timeout: 120_000 }, async () => {
    refuseTheNetwork();
    vi.spyOn(console, "error").mockImplementation(() => {});
    for (const vector of xssVectors) {
      const { complete } = await drawSocialCard({ section: vector.text, headline: vector.text, byline: vector.text });
      expect(complete, vector.name).toBe(true);
    }
  });
});
