/**
 * The body toolbar's commands: each takes the text and the selection and returns
 * the new text and selection, so a journalist never has to type MDX syntax.
 */
export type BodyEdit = { text: string; selectionStart: number; selectionEnd: number };
export type BodyCommand = "bold" | "italic" | "heading" | "link" | "quote" | "list" | "pullQuote" | "figure";

function wrap(edit: BodyEdit, before: string, after: string, placeholder: string): BodyEdit {
  const selected = edit.text.slice(edit.selectionStart, edit.selectionEnd) || placeholder;
  const text = edit.text.slice(0, edit.selectionStart) + before + selected + after + edit.text.slice(edit.selectionEnd);
  const start = edit.selectionStart + before.length;
  return { text, selectionStart: start, selectionEnd: start + selected.length };
}

function prefixLines(edit: BodyEdit, prefix: string, placeholder: string): BodyEdit {
  const lineStart = edit.text.lastIndexOf("\n", edit.selectionStart - 1) + 1;
  const selected = edit.text.slice(lineStart, edit.selectionEnd) || placeholder;
  const prefixed = selected
    .split("\n")
    .map((line) => (line.startsWith(prefix) ? line : prefix + line))
    .join("\n");
  const text = edit.text.slice(0, lineStart) + prefixed + edit.text.slice(Math.max(edit.selectionEnd, lineStart));
  return { text, selectionStart: lineStart, selectionEnd: lineStart + prefixed.length };
}

/** Blocks (pull quotes, photos) need blank lines around them to stand alone. */
function insertBlock(edit: BodyEdit, block: string, cursorOffset: number): BodyEdit {
  const before = edit.text.slice(0, edit.selectionStart).replace(/\s*$/, "");
  const after = edit.text.slice(edit.selectionEnd).replace(/^\s*/, "");
  const lead = before ? `${before}\n\n` : "";
  const text = `${lead}${block}${after ? `\n\n${after}` : "\n"}`;
  const cursor = lead.length + cursorOffset;
  return { text, selectionStart: cursor, selectionEnd: cursor };
}

// MDX decodes character references in attribute text, so "&copy;" in a caption must stay five characters.
const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

export function applyBodyCommand(command: BodyCommand, edit: BodyEdit): BodyEdit {
  switch (command) {
    case "bold":
      return wrap(edit, "**", "**", "bold text");
    case "italic":
      return wrap(edit, "_", "_", "italic text");
    case "link": {
      const linked = wrap(edit, "[", "](https://)", "link text");
      const urlStart = linked.selectionEnd + 2;
      return { text: linked.text, selectionStart: urlStart, selectionEnd: urlStart + "https://".length };
    }
    case "heading":
      return prefixLines(edit, "## ", "Subheading");
    case "quote":
      return prefixLines(edit, "> ", "Quotation");
    case "list":
      return prefixLines(edit, "- ", "List item");
    case "pullQuote": {
      const quote = edit.text.slice(edit.selectionStart, edit.selectionEnd) || "The quotation";
      return insertBlock(edit, `<PullQuote by="Speaker">${quote}</PullQuote>`, '<PullQuote by="'.length);
    }
    case "figure":
      return insertBlock(edit, '<Figure caption="Describe the photo" camera="" />', '<Figure caption="'.length);
  }
}

/**
 * A photo from the library as a Figure: its id and pixel size, so readers get
 * the real photo with its space reserved, and its caption, alt text and camera.
 */
/** A library photo dropped in at the cursor, as a block of its own. */
export function insertLibraryPhoto(edit: BodyEdit, photo: Parameters<typeof figureMarkup>[0]): BodyEdit {
  const markup = figureMarkup(photo);
  return insertBlock(edit, markup, markup.length);
}

export function figureMarkup(photo: {
  id: string;
  width: number;
  height: number;
  caption: string;
  altText: string;
  camera: string | null;
}): string {
  const camera = photo.camera ? ` camera="${escapeAttribute(photo.camera)}"` : "";
  const size = `width="${photo.width}" height="${photo.height}"`;
  const text = `caption="${escapeAttribute(photo.caption)}" alt="${escapeAttribute(photo.altText)}"`;
  return `<Figure photo="${photo.id}" ${size} ${text}${camera} />`;
}
