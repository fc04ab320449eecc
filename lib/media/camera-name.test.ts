import { describe, expect, it } from "vitest";

import { cameraName } from "@/lib/media/camera-name";

describe("cameraName", () => {
  it("does not repeat a make the model already starts with", () => {
    expect(cameraName("Canon", "Canon EOS 5D Mark IV")).toBe("Canon EOS 5D Mark IV");
  });

  it("recognises the make inside a longer company name", () => {
    expect(cameraName("NIKON CORPORATION", "NIKON D850")).toBe("NIKON D850");
  });

  it("puts the make in front of a model that does not name it", () => {
    expect(cameraName("SONY", "ILCE-7M3")).toBe("SONY ILCE-7M3");
  });

  it("drops the company suffix when the make has to be added", () => {
    expect(cameraName("OLYMPUS IMAGING CORP.", "E-M1MarkII")).toBe("OLYMPUS E-M1MarkII");
  });

  it("trims the padding EXIF strings carry", () => {
    expect(cameraName("  Apple\0\0", " iPhone 15 Pro  ")).toBe("Apple iPhone 15 Pro");
  });

  it("compares the make and model without regard to case", () => {
    expect(cameraName("FUJIFILM", "Fujifilm X100V")).toBe("Fujifilm X100V");
  });

  it("uses whichever of make and model is present", () => {
    expect(cameraName(null, "ILCE-7M3")).toBe("ILCE-7M3");
    expect(cameraName("Leica", "   ")).toBe("Leica");
  });

  it("gives null when the photo names no camera", () => {
    expect(cameraName(null, null)).toBeNull();
    expect(cameraName(" ", "\0")).toBeNull();
  });
});
