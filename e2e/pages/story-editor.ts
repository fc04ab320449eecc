import { expect, type Locator, type Page } from "@playwright/test";
import sharp from "sharp";

/** A JPEG no library holds yet, with the camera recorded in its EXIF, as a phone or camera writes it. */
export async function freshCameraJpeg(make: string, model: string): Promise<Buffer> {
  const colour = { r: Math.floor(Math.random() * 256), g: 90, b: 140 };
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: colour } })
    .withExif({ IFD0: { Make: make, Model: model } })
    .jpeg()
    .toBuffer();
}

/** Lets go of a file over `target`, as a writer dragging it from the desktop does. */
export async function dropFile(page: Page, target: Locator, file: { name: string; type: string; bytes: Buffer }) {
  const box = await target.boundingBox();
  if (!box) throw new Error("the drop target is not on the screen");
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      return transfer;
    },
    { base64: file.bytes.toString("base64"), name: file.name, type: file.type },
  );
  const at = { clientX: box.x + box.width - 2, clientY: box.y + box.height / 2 };
  await target.dispatchEvent("dragover", { dataTransfer, ...at });
  await target.dispatchEvent("drop", { dataTransfer, ...at });
}

/** Pastes what a word processor puts on the clipboard: HTML, with plain text beside it. */
export async function pasteHtml(target: Locator, html: string, text: string) {
  await target.evaluate(
    (element, clipboard) => {
      const data = new DataTransfer();
      data.setData("text/html", clipboard.html);
      data.setData("text/plain", clipboard.text);
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

/** Selects the `count` characters before the caret, as Shift+Left does. */
export async function selectBack(page: Page, count: number) {
  for (let index = 0; index < count; index += 1) await page.keyboard.press("Shift+ArrowLeft");
}

/** Whether the caret sits, collapsed, right after `text` at the end of the text it is in. */
export async function caretAtEndOf(page: Page, text: string): Promise<boolean> {
  return page.evaluate((ending) => {
    const selection = window.getSelection();
    const node = selection?.anchorNode;
    if (!selection?.isCollapsed || !node || node.nodeType !== Node.TEXT_NODE) return false;
    const content = node.textContent ?? "";
    return selection.anchorOffset === content.length && content.endsWith(ending);
  }, text);
}

/** Whether the caret sits, collapsed, right before `text` at the start of the text it is in. */
export async function caretAtStartOf(page: Page, text: string): Promise<boolean> {
  return page.evaluate((beginning) => {
    const selection = window.getSelection();
    const node = selection?.anchorNode;
    if (!selection?.isCollapsed || !node || node.nodeType !== Node.TEXT_NODE) return false;
    return selection.anchorOffset === 0 && (node.textContent ?? "").startsWith(beginning);
  }, text);
}

export async function moveBack(page: Page, count: number) {
  for (let index = 0; index < count; index += 1) await page.keyboard.press("ArrowLeft");
}

/** The body as MDX, read through the source view and back again. */
export async function storySource(page: Page): Promise<string> {
  await page.getByRole("button", { name: "MDX source" }).click();
  const source = await page.getByRole("textbox", { name: "Story" }).inputValue();
  await page.getByRole("button", { name: "Rich text" }).click();
  await expect(page.getByRole("textbox", { name: "Story" })).toHaveAttribute("contenteditable", "true");
  return source;
}
