import { handlers } from "@/lib/auth";
import { withSignInLimits } from "@/lib/auth/credentials-route";

export const GET = handlers.GET;
export const POST = withSignInLimits(handlers.POST);
