// Makers often register under a company name the camera itself never shows.
const COMPANY_SUFFIX = /[\s,]+(?:imaging\s+corp\.?|corporation|corp\.?|co\.,?\s*ltd\.?|company|inc\.?|ltd\.?)$/i;

/**
 * Names a camera from EXIF Make and Model for a "Taken with …" caption.
 * Cameras record both, and the model usually repeats the make ("Canon" +
 * "Canon EOS 5D Mark IV"), sometimes under a longer company name ("NIKON
 * CORPORATION" + "NIKON D850"), so the make is added only when the model
 * does not already carry it ("SONY" + "ILCE-7M3" → "SONY ILCE-7M3").
 */
export function cameraName(make: string | null, model: string | null): string | null {
  const tidyMake = tidyTag(make).replace(COMPANY_SUFFIX, "");
  const tidyModel = tidyTag(model);
  if (!tidyModel) return tidyMake || null;
  if (!tidyMake || modelNamesMaker(tidyMake, tidyModel)) return tidyModel;
  return `${tidyMake} ${tidyModel}`;
}

/** EXIF strings are fixed-length fields, often padded with NULs or spaces. */
function tidyTag(value: string | null): string {
  return (value ?? "").replace(/\0/g, " ").replace(/\s+/g, " ").trim();
}

function modelNamesMaker(make: string, model: string): boolean {
  const modelFirstWord = model.split(" ")[0]?.toLowerCase();
  return make
    .toLowerCase()
    .split(" ")
    .some((word) => word === modelFirstWord);
}
