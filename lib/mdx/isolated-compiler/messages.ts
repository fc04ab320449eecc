import type { MdxIssue } from "../safety";

export type CompileRequest = { id: number; source: string };

export type CompileReply =
  | { status: "ready" }
  | { id: number; status: "compiled"; code: string }
  | { id: number; status: "refused"; issue: MdxIssue }
  | { id: number; status: "failed"; message: string };
