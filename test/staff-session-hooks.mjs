// Loaded with `node --import tsx --import ./test/staff-session-hooks.mjs`: after tsx, so that this
// hook runs first and tsx still compiles the TypeScript it points to.
import { register } from "node:module";

register("./staff-session-resolve.mjs", import.meta.url);
