import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SECRET_FILE = path.join(".data", "auth-secret");

/**
 * `npm run dev` on a fresh clone must work without set-up, yet a secret must never
 * be committed or shared: each machine makes its own, kept beside its database.
 * Production never gets here: it must set AUTH_SECRET (checked at server start).
 */
export function ensureDevelopmentAuthSecret(): void {
  if (process.env.AUTH_SECRET || process.env.NODE_ENV === "production") return;
  let secret = fs.existsSync(SECRET_FILE) ? fs.readFileSync(SECRET_FILE, "utf8").trim() : "";
  if (!secret) {
    secret = randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    fs.writeFileSync(SECRET_FILE, secret, { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret;
}
