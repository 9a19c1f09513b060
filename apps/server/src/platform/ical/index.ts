/**
 * An RFC 5545 iCalendar writer for Sanshe's feeds: one VCALENDAR with a VTIMEZONE for Asia/Shanghai
 * (UTC+8 all year, no daylight saving since 1991) and VEVENTs whose times are local to it. Lines end
 * in CRLF and are folded at 75 octets without splitting a UTF-8 character (§3.1).
 */

export type CalendarEvent = {
  /** Globally unique and stable, e.g. referral-{id}-respond@sanshe. */
  uid: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
} & (
  | { start: Date; end: Date; allDay?: false }
  /** All-day event on a Beijing-time date (YYYY-MM-DD), e.g. a due date. */
  | { date: string; allDay: true }
);

export type Calendar = { name: string; events: readonly CalendarEvent[]; stamp: Date };

const tzid = "Asia/Shanghai";
const offsetMs = 8 * 60 * 60 * 1000;
const maxOctets = 75;

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma; newlines as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Folds one content line: at most 75 octets per physical line, continuation lines start with a
 * space (which counts), and a multi-byte UTF-8 character is never cut.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > maxOctets) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** UTC form: 20260302T020000Z. */
export function utcStamp(date: Date): string {
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

/** Local Beijing time: 20260302T100000. */
export function shanghaiLocal(date: Date): string {
  return utcStamp(new Date(date.getTime() + offsetMs)).slice(0, -1);
}

/** The Beijing-time date of an instant: 2026-03-02. */
export function shanghaiDate(date: Date): string {
  return new Date(date.getTime() + offsetMs).toISOString().slice(0, 10);
}

const vtimezone = [
  "BEGIN:VTIMEZONE",
  `TZID:${tzid}`,
  "BEGIN:STANDARD",
  "DTSTART:19910915T020000",
  "TZOFFSETFROM:+0900",
  "TZOFFSETTO:+0800",
  "TZNAME:CST",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function eventLines(event: CalendarEvent, stamp: Date): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${utcStamp(stamp)}`];
  if (event.allDay) {
    const start = event.date.replaceAll("-", "");
    const next = new Date(`${event.date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    lines.push(`DTSTART;VALUE=DATE:${start}`, `DTEND;VALUE=DATE:${next.toISOString().slice(0, 10).replaceAll("-", "")}`);
  } else {
    lines.push(`DTSTART;TZID=${tzid}:${shanghaiLocal(event.start)}`, `DTEND;TZID=${tzid}:${shanghaiLocal(event.end)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) {
    lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  }
  if (event.location) {
    lines.push(`LOCATION:${escapeText(event.location)}`);
  }
  if (event.url) {
    lines.push(`URL:${event.url}`);
  }
  lines.push("END:VEVENT");
  return lines;
}

/** The whole feed as text/calendar (UTF-8, CRLF, folded). */
export function renderCalendar(calendar: Calendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Sanshe//Sanshe Calendar//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${tzid}`,
    ...vtimezone,
    ...calendar.events.flatMap((event) => eventLines(event, calendar.stamp)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
