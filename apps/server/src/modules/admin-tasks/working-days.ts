/**
 * Calendar arithmetic of the admission (准入) deadlines and the task schedules, on local dates
 * (YYYY-MM-DD, Asia/Shanghai). Pure functions: the caller passes today's date from the ctx clock.
 */

const dayMs = 86_400_000;

function toUtc(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * dayMs);
}

/** Today's date (YYYY-MM-DD) in China Standard Time for an instant. */
export function localDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/** True for Monday to Friday that is not one of the holidays. */
export function isWorkingDay(day: string, holidays: ReadonlySet<string> | readonly string[] = []): boolean {
  const weekday = new Date(toUtc(day)).getUTCDay();
  const off = holidays instanceof Set ? holidays.has(day) : (holidays as readonly string[]).includes(day);
  return weekday !== 0 && weekday !== 6 && !off;
}

/**
 * The `n`-th working day after `day` (the day itself does not count): a task submitted on a Friday
 * with 1 working day is due the next Monday. Working days are Monday to Friday minus `holidays`.
 */
export function addWorkingDays(day: string, n: number, holidays: readonly string[] = []): string {
  const off = new Set(holidays);
  let current = day;
  let left = n;
  // A year of holidays cannot stop the loop: every week has working days unless all are listed.
  for (let guard = 0; left > 0 && guard < 3660; guard += 1) {
    current = addDays(current, 1);
    if (isWorkingDay(current, off)) {
      left -= 1;
    }
  }
  return current;
}

/** `day` plus `months` calendar months, the day of month clamped to the month's length (Jan 31 + 1 → Feb 28). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12;
  const length = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(targetYear, targetMonth, Math.min(date, length)));
}

export type Frequency = "once" | "weekly" | "monthly" | "quarterly" | "yearly";

/** At most this many occurrences per community (a weekly task over seven years stops here). */
export const maxOccurrences = 366;

/**
 * The due dates of a task's occurrences in one community: one at the end of each period counted from
 * `startsOn` (weekly: starts_on + 7, + 14 …; monthly: the same day of each following month, clamped;
 * quarterly: every 3 months; yearly: every 12), as long as it falls on or before `endsOn`. A task
 * shorter than one period, and a `once` task, has one occurrence due on `endsOn`. Capped at 366.
 */
export function occurrenceDates(frequency: Frequency, startsOn: string, endsOn: string): string[] {
  if (frequency === "once" || endsOn < startsOn) {
    return [endsOn < startsOn ? startsOn : endsOn];
  }
  const step = (k: number): string => {
    switch (frequency) {
      case "weekly":
        return addDays(startsOn, 7 * k);
      case "monthly":
        return addMonths(startsOn, k);
      case "quarterly":
        return addMonths(startsOn, 3 * k);
      case "yearly":
        return addMonths(startsOn, 12 * k);
    }
  };
  const dates: string[] = [];
  for (let k = 1; dates.length < maxOccurrences; k += 1) {
    const due = step(k);
    if (due > endsOn) {
      break;
    }
    dates.push(due);
  }
  return dates.length > 0 ? dates : [endsOn];
}
