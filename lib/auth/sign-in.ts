import "server-only";
import { admitSignInAttempt, recordSuccessfulSignIn } from "@/db/queries/sign-in-throttle";
import { verifyStaffCredentials } from "@/db/queries/staff";
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";
import { reportThrottledSignIn, reportTrustedDevice } from "./credentials-route";
import { deviceCookieFor, deviceCookieIn, trustedDevice } from "./device-cookie";
import type { Staff } from "./roles";
import { accountKey, deviceScopes, signInScopes } from "./sign-in-throttle";

export type StaffSignIn =
  | { status: "signed-in"; staff: Staff & { sessionVersion: number } }
  // One answer for an unknown email, a wrong password and a disabled account.
  | { status: "refused" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * The credentials check behind both ways in: the form's server action and Auth.js's callback route.
 * A browser with a device cookie for this account is counted on its own; any other attempt shares
 * the account's count with every stranger, whatever address it claims, and its address's count.
 */
export async function authorizeStaff(
  credentials: { email: string; password: string },
  headers: Headers,
): Promise<StaffSignIn> {
  const account = accountKey(credentials.email);
  const device = trustedDevice(deviceCookieIn(headers), account);
  const scopes = device
    ? deviceScopes(device)
    : signInScopes({ email: credentials.email, clientAddress: clientAddress(headers, env.TRUSTED_PROXY_HOPS) });
  const admission = await admitSignInAttempt(scopes);
  if (!admission.admitted) {
    reportThrottledSignIn(admission.retryAfterSeconds);
    return { status: "throttled", retryAfterSeconds: admission.retryAfterSeconds };
  }
  const staff = await verifyStaffCredentials(credentials);
  if (!staff) return { status: "refused" };
  await recordSuccessfulSignIn(scopes);
  reportTrustedDevice(deviceCookieFor(account));
  return { status: "signed-in", staff };
}
