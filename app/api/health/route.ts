import { checkDatabaseHealth } from "@/db/queries/health";

export async function GET() {
  const database = await checkDatabaseHealth();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
