import NextAuth from "next-auth";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { authConfig } from "@/lib/auth/config";
import { isStaffPath } from "@/lib/auth/staff-paths";
import { hasMalformedPercentEncoding } from "@/lib/malformed-address";

const { auth } = NextAuth(authConfig);
// Auth.js types `auth` as overloaded (session getter, route wrapper, proxy); this is its proxy form.
const guardStaffArea = auth as unknown as (
  request: NextRequest,
  event: NextFetchEvent,
) => Promise<Response | undefined>;

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (hasMalformedPercentEncoding(request.nextUrl.pathname)) {
    return new NextResponse("This address is not valid: check the link or type it again.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // An early redirect to /login for the staff area; the data-access layer still checks every call.
  if (isStaffPath(request.nextUrl.pathname)) return guardStaffArea(request, event);
  return NextResponse.next();
}

// Reader pages run no proxy unless their address holds percent-encoding, so cached pages stay as fast.
export const config = { matcher: ["/admin/:path*", "/(.*%.*)"] };
