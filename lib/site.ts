import { env } from "@/lib/env";

export const site = {
  name: "The Meridian",
  tagline: "Independent reporting on conflict, power and the world",
  description:
    "The Meridian reports on conflicts, world affairs, politics, the economy, technology and climate.",
  locale: "en-GB",
  language: "en",
  url: env.SITE_URL,
  timeZone: env.NEWSROOM_TIME_ZONE,
} as const;
