import {
  activeEditor$,
  createActiveEditorSubscription$,
  createRootEditorSubscription$,
  insertJsx$,
  realmPlugin,
} from "@mdxeditor/editor";
import { mergeRegister } from "@lexical/utils";
import {
  $createRangeSelection,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  PASTE_COMMAND,
  type BaseSelection,
  type LexicalEditor,
  type RangeSelection,
} from "lexical";
import { figureProps, type FigurePhoto } from "./figure-props";

const PHOTO_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

function photoFiles(data: DataTransfer | null): File[] {
  return Array.from(data?.files ?? []).filter((file) => PHOTO_TYPES.has(file.type));
}

/**
 * Where the pointer let go, so the photo lands where it was dropped and not where the caret was.
 * Lexical will not place a caret while a field inside the story (a caption, a pull quote's "Said
 * by") has focus, and the photo would then go to the top: the field lets go first.
 */
function selectionAt(event: DragEvent, editor: LexicalEditor): BaseSelection | null {
  const range = document.caretRangeFromPoint?.(event.clientX, event.clientY) ?? null;
  if (!range || !editor.getRootElement()?.contains(range.startContainer)) return $getSelection();
  const focused = document.activeElement;
  if (
    focused instanceof HTMLElement &&
    focused !== editor.getRootElement() &&
    editor.getRootElement()?.contains(focused)
  )
    focused.blur();
  const selection = $createRangeSelection();
  selection.applyDOMRange(range);
  return selection;
}

/**
 * A caret at the very start or end of a paragraph puts the photo before or after that paragraph,
 * rather than splitting it and leaving an empty paragraph beside the photo.
 */
function besideItsBlock(at: RangeSelection): RangeSelection {
  if (!at.isCollapsed()) return at;
  const node = at.anchor.getNode();
  const block = $isElementNode(node) && node.getParent() === null ? null : node.getTopLevelElement();
  if (!block) return at;
  const size = $isTextNode(node) ? node.getTextContentSize() : $isElementNode(node) ? node.getChildrenSize() : 0;
  const atEnd = at.anchor.offset === size && (node === block || node === block.getLastDescendant());
  const atStart = at.anchor.offset === 0 && (node === block || node === block.getFirstDescendant());
  if (!atEnd && !atStart) return at;
  const index = block.getIndexWithinParent() + (atEnd ? 1 : 0);
  const beside = $createRangeSelection();
  const parentKey = block.getParentOrThrow().getKey();
  beside.anchor.set(parentKey, index, "element");
  beside.focus.set(parentKey, index, "element");
  return beside;
}

export type PhotoDropParams = {
  /** Uploads the files into the library; answers the photos that arrived, in order. */
  upload: (files: File[]) => Promise<FigurePhoto[]>;
};

/**
 * Photo files dropped or pasted into the story go to the library and come back as Figures where they
 * were let go, in the story or inside a pull quote or aside. Other drops and pastes (text, links, a
 * Word document's HTML) are left to the editor.
 */
export const photoDropPlugin = realmPlugin<PhotoDropParams>({
  init(realm, params) {
    // The upload takes a while, and the writer may click elsewhere meanwhile: the photo still goes
    // where it was dropped, in the editor it was dropped on.
    const insertWhenUploaded = async (files: File[], editor: LexicalEditor, at: BaseSelection | null) => {
      const photos = (await params?.upload(files)) ?? [];
      if (photos.length === 0) return;
      editor.update(() => $setSelection(at && $isRangeSelection(at) ? besideItsBlock(at.clone()) : null), {
        discrete: true,
      });
      realm.pub(activeEditor$, editor);
      for (const photo of photos) realm.pub(insertJsx$, { kind: "flow", name: "Figure", props: figureProps(photo) });
    };

    const acceptPhotos = (editor: LexicalEditor) =>
      mergeRegister(
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!Array.from(event.dataTransfer?.types ?? []).includes("Files")) return false;
            event.preventDefault();
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const files = photoFiles(event.dataTransfer);
            if (files.length === 0) return false;
            event.preventDefault();
            void insertWhenUploaded(files, editor, selectionAt(event, editor));
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
        editor.registerCommand(
          PASTE_COMMAND,
          (event) => {
            const files = event instanceof ClipboardEvent ? photoFiles(event.clipboardData) : [];
            if (files.length === 0) return false;
            event.preventDefault();
            void insertWhenUploaded(files, editor, $getSelection());
            return true;
          },
          COMMAND_PRIORITY_CRITICAL,
        ),
      );

    // The story itself, and whichever pull quote or aside the writer is in.
    realm.pub(createRootEditorSubscription$, acceptPhotos);
    realm.pub(createActiveEditorSubscription$, acceptPhotos);
  },
});
