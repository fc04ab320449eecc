import { createRootEditorSubscription$, realmPlugin } from "@mdxeditor/editor";
import { COMMAND_PRIORITY_CRITICAL, FORMAT_TEXT_COMMAND, type TextFormatType } from "lexical";

/** Formats Markdown has no spelling for: MDXEditor would save them as HTML tags, which stories refuse. */
const WITHOUT_MARKDOWN = new Set<TextFormatType>(["underline", "subscript", "superscript", "highlight"]);

/** Ctrl+U and the like do nothing, rather than make a story that cannot be saved. */
export const onlyMarkdownFormats = realmPlugin({
  init(realm) {
    realm.pub(createRootEditorSubscription$, (editor) =>
      editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => WITHOUT_MARKDOWN.has(format), COMMAND_PRIORITY_CRITICAL),
    );
  },
});
