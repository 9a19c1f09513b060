/** Time zone every instant is shown in (DESIGN: time is timestamptz, shown in Asia/Shanghai). */
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

const dateTimeFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Formats an ISO instant as `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai; "—" when absent or invalid. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return "—";
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return "—";
  }
  const parts: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) {
    parts[part.type] = part.value;
  }
  return `${parts["year"]}-${parts["month"]}-${parts["day"]} ${parts["hour"]}:${parts["minute"]}:${parts["second"]}`;
}

const longDateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A day as a printed document writes it, in the reader's language ("2026年3月2日", "March 2, 2026"):
 * an ISO instant is taken in Asia/Shanghai, a YYYY-MM-DD date as it is; "—" when absent or invalid.
 */
export function formatLongDate(value: string | null | undefined, locale: string): string {
  if (!value) {
    return "—";
  }
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00+08:00` : value);
  if (Number.isNaN(date.getTime())) {
    return "—";
  }
  let format = longDateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, year: "numeric", month: "long", day: "numeric" });
    longDateFormats.set(locale, format);
  }
  return format.format(date);
}
