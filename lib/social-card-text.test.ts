import { describe, expect, it } from "vitest";
import { xssVectors } from "@/test/fixtures/xss-vectors";
import { socialCardText } from "./social-card-text";

describe("a headline on a social card", () => {
  it("keeps letters, digits and punctuation in any script as written", () => {
    expect(socialCardText("Київ: «Перемир’я» — 3 ½ days in Łódź, São Paulo & Αθήνα")).toBe("Київ: «Перемир’я» — 3 ½ days in Łódź, São Paulo & Αθήνα");
  });

  it("leaves off emoji, flags and keycaps, which the renderer would fetch from a third party", () => {
    expect(socialCardText("🇺🇦 Ceasefire holds 🕊️ for 1️⃣ night 👩🏽‍⚕️")).toBe("Ceasefire holds for 1 night");
  });

  it("leaves off invisible format, control and unassigned characters", () => {
    expect(socialCardText("Zero\u200Bwidth \u202Eright-to-left\u202C \uFEFFbom \uFFFE\u0007bell")).toBe("Zerowidth right-to-left bom bell");
  });

  it("keeps every cross-site scripting vector's visible text, so the card still says what the headline says", () => {
    for (const vector of xssVectors) {
      const card = socialCardText(vector.text);
      expect(card.replace(/\s/g, ""), vector.name).toBe(vector.text.replace(/[\p{Cc}\p{Cf}\p{Cn}\p{Extended_Pictographic}\p{Regional_Indicator}\uFE0F\s]/gu, ""));
    }
  });
});
