import { formatNewsroomDate, formatNewsroomDateTime } from "@/lib/newsroom-time";
import { site } from "@/lib/site";

/** A date as the newsroom's calendar has it, with the exact instant for machines. */
export function NewsroomDate({ date, withTime = false }: { date: Date; withTime?: boolean }) {
  const text = withTime
    ? formatNewsroomDateTime(date, site.timeZone, site.locale)
    : formatNewsroomDate(date, site.timeZone, site.locale);
  return <time dateTime={date.toISOString()}>{text}</time>;
}
