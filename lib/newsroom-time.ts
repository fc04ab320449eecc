import { fromZonedTime } from "date-fns-tz";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date-only story ("published : 2023-12-01") was published that day in the
 * newsroom: midnight in the newsroom's zone, so it reads 1 December 2023 there.
 */
export function parsePublicationTime(value: string, timeZone: string): Date {
  const instant = DATE_ONLY.test(value) ? fromZonedTime(`${value}T00:00:00`, timeZone) : new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${value}`);
  return instant;
}

/** "1 December 2023", as the newsroom's calendar has it whatever the reader's zone. */
export function formatNewsroomDate(instant: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(instant);
}

/** "1 December 2023, 09:30 GMT", for updates where the hour matters. */
export function formatNewsroomDateTime(instant: Date, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(instant);
}
