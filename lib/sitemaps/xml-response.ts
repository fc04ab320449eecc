const headers = {
  "Content-Type": "application/xml; charset=utf-8",
  "Cache-Control": "public, max-age=300, s-maxage=300, stale-while-revalidate=3600",
  "X-Content-Type-Options": "nosniff",
};

export function xmlResponse(xml: string): Response {
  return new Response(xml, { headers });
}
