import type { NeedsDashboardQuery } from "@sanshe/contracts";
import { useSearchParams } from "react-router-dom";

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The dashboard's query from the URL (?area=&from=&to=), so back/forward and shared links work. */
export function useDashboardQuery(): [NeedsDashboardQuery, (change: Partial<Record<"area" | "from" | "to", string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const area = params.get("area");
  const from = params.get("from");
  const to = params.get("to");
  const query: NeedsDashboardQuery = {
    ...(area && /^\d+$/.test(area) ? { area } : {}),
    ...(isDate(from) ? { from } : {}),
    ...(isDate(to) ? { to } : {}),
  };
  const update = (change: Partial<Record<"area" | "from" | "to", string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    setParams(next);
  };
  return [query, update];
}
