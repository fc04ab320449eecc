/** How readers see each kind of note named, on the story, on /corrections and in feeds. */
export const NOTE_LABELS = {
  correction: "Correction",
  clarification: "Clarification",
  update: "Update",
} as const satisfies Record<"correction" | "clarification" | "update", string>;

export type NoteKind = keyof typeof NOTE_LABELS;

/** Corrections and clarifications go at a story's foot and on /corrections; updates at its top. */
export const isCorrection = (kind: NoteKind) => kind !== "update";

/** A note's own anchor on its story's page, which /corrections and feeds link to. */
export const noteAnchor = (noteId: string) => `note-${noteId}`;

/** What a live entry's notes may be: news since goes in a new entry, not in an update on an old one. */
export const ENTRY_NOTE_KINDS = ["correction", "clarification"] as const satisfies readonly NoteKind[];
