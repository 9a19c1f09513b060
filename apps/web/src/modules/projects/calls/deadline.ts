import { formatDateTime } from "../../../ui/formatDateTime";

/** A date ("2026-07-01") and a time ("17:00" or "17:00:30") typed in Beijing time → an ISO instant with +08:00. */
export function beijingInstant(date: string, time: string): string {
  const seconds = time.length === 5 ? `${time}:00` : time;
  return `${date}T${seconds}+08:00`;
}

/** An ISO instant → the date and time fields, in Beijing time. */
export function beijingFields(iso: string): { date: string; time: string } {
  const [date = "", time = ""] = formatDateTime(iso).split(" ");
  return { date, time };
}

/** What is left until `deadline`, as days/hours/minutes/seconds; null once it has passed. */
export function timeLeft(deadline: string, now: number): { days: number; hours: number; minutes: number; seconds: number } | null {
  const ms = new Date(deadline).getTime() - now;
  if (!(ms > 0)) {
    return null;
  }
  const total = Math.floor(ms / 1000);
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
