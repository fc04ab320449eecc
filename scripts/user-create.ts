/**
 * Creates a staff account without a browser:
 *   echo "$PASSWORD" | npm run user:create -- --email a@b.c --name "A B" --role editor
 * The password is read from standard input, never from the command line, where it
 * would end up in shell history and the process list.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, migrateDatabase } from "@/db/client";
import { provisionStaffAccountFromCommandLine, StaffAccountExistsError } from "@/db/queries/staff";
import { newPasswordSchema } from "@/lib/auth/password-policy";

const argsSchema = z.object({
  email: z.email("--email must be an email address"),
  name: z.string().trim().min(1, "--name is required"),
  role: z.enum(["admin", "editor", "writer"], "--role must be admin, editor or writer"),
});

async function readPassword(): Promise<string> {
  const terminal = process.stdin.isTTY;
  const lines = createInterface({ input: process.stdin, output: terminal ? process.stdout : undefined, terminal });
  if (terminal) {
    process.stdout.write("Password (not shown): ");
    // Typed characters are not echoed.
    (lines as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
  }
  for await (const line of lines) {
    lines.close();
    if (terminal) process.stdout.write("\n");
    return line;
  }
  return "";
}

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
});
const args = argsSchema.safeParse(values);
if (!args.success) {
  console.error(args.error.issues.map((issue) => issue.message).join("\n"));
  console.error(
    'Usage: echo "$PASSWORD" | npm run user:create -- --email EMAIL --name "NAME" --role admin|editor|writer',
  );
  process.exit(2);
}
const password = newPasswordSchema.safeParse(await readPassword());
if (!password.success) {
  console.error(`Password refused: ${password.error.issues[0]?.message}`);
  process.exit(2);
}

try {
  await migrateDatabase();
  const staff = await provisionStaffAccountFromCommandLine({ ...args.data, password: password.data });
  console.log(`Created ${staff.role} ${staff.name} <${staff.email}>.`);
} catch (error) {
  console.error(error instanceof StaffAccountExistsError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDatabase();
}
