import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";

/** A copy of `current` with `changes` applied: a value of undefined or "" removes its key. */
export function withSearchParams(current: URLSearchParams, changes: Record<string, string | undefined>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") {
      next.delete(key);
    } else {
      next.set(key, value);
    }
  }
  return next;
}

/**
 * List state kept in the URL (filters, sort), so a reload, the back button or a shared link shows the
 * same list: the current values of `keys` and a setter that writes changes (undefined or "" removes a
 * key), replacing the history entry rather than adding one.
 */
export function useUrlParams<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (changes: Partial<Record<K, string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  // Pages pass the keys inline; the list, not its identity, decides.
  const joined = keys.join("\n");
  const stableKeys = useMemo(() => joined.split("\n") as K[], [joined]);
  const values = useMemo(() => {
    const found: Partial<Record<K, string>> = {};
    for (const key of stableKeys) {
      const value = params.get(key);
      if (value !== null && value !== "") {
        found[key] = value;
      }
    }
    return found;
  }, [params, stableKeys]);
  const update = useCallback(
    (changes: Partial<Record<K, string | undefined>>) => setParams((current) => withSearchParams(current, changes), { replace: true }),
    [setParams],
  );
  return [values, update];
}

/**
 * The list's `sort=` in the URL (`column` or `-column`), read only when it is one of `allowed` (an old
 * or hand-edited link falls back to the list's default order), with its setter.
 */
export function useUrlSort<C extends string>(allowed: readonly C[]): [C | `-${C}` | undefined, (sort: string | undefined) => void] {
  const [{ sort }, update] = useUrlParams(["sort"] as const);
  const column = sort?.startsWith("-") ? sort.slice(1) : sort;
  const valid = column !== undefined && (allowed as readonly string[]).includes(column) ? (sort as C | `-${C}`) : undefined;
  return [valid, useCallback((next: string | undefined) => update({ sort: next }), [update])];
}
