import { describe, expect, it } from "vitest";
import { createSectionSchema, updateSectionSchema } from "./section-form";

const ID = "0b8c1f5e-4b1e-4d6a-9a57-2f1d7e3c9a10";

describe("the section forms", () => {
  it("read a ticked “Date old stories” box as on and a box left empty as off", () => {
    expect(createSectionSchema.parse({ name: "Explainers", description: "", showsAgeNotice: "on" })).toMatchObject({
      showsAgeNotice: true,
    });
    expect(updateSectionSchema.parse({ id: ID, name: "Explainers", description: "" })).toMatchObject({
      showsAgeNotice: false,
    });
  });

  it("refuse any other value for the box with a message that says what to do", () => {
    const result = updateSectionSchema.safeParse({
      id: ID,
      name: "Explainers",
      description: "",
      showsAgeNotice: "yes",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Tick the box or leave it empty.");
  });
});
