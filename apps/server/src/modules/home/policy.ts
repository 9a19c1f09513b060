import type { Todo } from "@sanshe/contracts/home";

const dayMs = 86_400_000;

/** The calendar date (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDate(instant: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}

/**
 * The periods the home figures compare: the last `days` days up to today (Asia/Shanghai) and the
 * `days` days before them.
 */
export function figurePeriods(now: Date, days = 30): { current: { from: string; to: string }; previous: { from: string; to: string } } {
  const at = (offset: number) => shanghaiDate(new Date(now.getTime() - offset * dayMs));
  return {
    current: { from: at(days - 1), to: at(0) },
    previous: { from: at(2 * days - 1), to: at(days) },
  };
}

/** To-dos with something waiting first (most overdue, then largest), the rest in their given order. */
export function orderTodos(items: Todo[]): Todo[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => {
      const waiting = Number(b.item.count > 0) - Number(a.item.count > 0);
      if (waiting !== 0) {
        return waiting;
      }
      const overdue = (b.item.overdue ?? 0) - (a.item.overdue ?? 0);
      return overdue !== 0 ? overdue : a.index - b.index;
    })
    .map(({ item }) => item);
}
