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

const DATE: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric" };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: "2-digit", minute: "2-digit", timeZoneName: "short" };

// Making a DateTimeFormat costs far more than using one, and a page shows dozens of dates in one zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${options === DATE ? "date" : "date-time"} ${locale} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

/** "1 December 2023", as the newsroom's calendar has it whatever the reader's zone. */
export function formatNewsroomDate(instant: Date, timeZone: string, locale = "en-GB"): string {
  return formatter(DATE, locale, timeZone).format(instant);
}

/** "1 December 2023, 09:30 GMT", for updates where the hour matters. */
export function formatNewsroomDateTime(instant: Date, timeZone: string, locale = "en-GB"): string {
  return formatter(DATE_TIME, locale, timeZone).format(instant);
}
