import { LRUCache } from "lru-cache";

/**
 * Values that may be `seconds` old (ADR 0011): kept per key in process memory, computed by `compute`
 * on a miss, with concurrent misses of one key sharing a single computation. 0 seconds: no cache
 * (null), every caller computes. Callers say how fresh what they show is.
 */
export type PeriodicCache<K extends string, V extends object, C> = LRUCache<K, V, C> | null;

export function periodicCache<K extends string, V extends object, C>(
  seconds: number,
  max: number,
  compute: (key: K, context: C) => Promise<V>,
): PeriodicCache<K, V, C> {
  if (seconds <= 0) {
    return null;
  }
  return new LRUCache<K, V, C>({
    max,
    ttl: seconds * 1000,
    fetchMethod: (key, _stale, { context }) => compute(key, context),
  });
}
