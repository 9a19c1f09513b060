/**
 * Pure arithmetic of the needs dashboard (ADR 0011): medians from duration histograms and reporting
 * periods as roll-up grains, in China Standard Time.
 */

/** Buckets of need_duration_rollups: [2^(b/8), 2^((b+1)/8)); the lowest holds zero. */
const zeroBucket = -32768;
const bucketBound = (bucket: number) => (bucket === zeroBucket ? 0 : 2 ** (bucket / 8));

/**
 * percentile_cont(0.5) over a histogram: each bucket's values spread geometrically across the bucket,
 * so the result lies in the bucket of the exact median, within 2^(1/8) − 1 ≈ 9 % of it.
 */
export function histogramMedian(histogram: ReadonlyArray<{ bucket: number; count: number }>): number | null {
  const buckets = [...histogram].filter((entry) => entry.count > 0).sort((a, b) => a.bucket - b.bucket);
  const total = buckets.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) {
    return null;
  }
  const valueAt = (rank: number) => {
    let before = 0;
    for (const { bucket, count } of buckets) {
      if (rank < before + count) {
        if (bucket === zeroBucket) {
          return 0;
        }
        const low = bucketBound(bucket);
        return low * (bucketBound(bucket + 1) / low) ** ((rank - before + 0.5) / count);
      }
      before += count;
    }
    return bucketBound((buckets[buckets.length - 1] as { bucket: number }).bucket + 1);
  };
  const position = (total - 1) / 2;
  const lower = valueAt(Math.floor(position));
  return lower + (position - Math.floor(position)) * (valueAt(Math.ceil(position)) - lower);
}

/** A YYYY-MM-DD date moved by whole days or to the first of its month. */
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
const firstOfNextMonth = (date: string) => firstOfMonth(shift(firstOfMonth(date), 31));

/**
 * A reporting period (inclusive dates, either end open) as roll-up grains: the whole months inside it
 * ([from, until), either end open) and the days of the partial months at the start and at the end.
 */
export function periodGrains(
  from: string | undefined,
  to: string | undefined,
): {
  months: { from: string | null; until: string | null } | null;
  leading: { from: string; to: string } | null;
  trailing: { from: string; to: string } | null;
} {
  const monthsFrom = from === undefined ? null : from === firstOfMonth(from) ? from : firstOfNextMonth(from);
  const monthsUntil = to === undefined ? null : shift(to, 1) === firstOfNextMonth(to) ? shift(to, 1) : firstOfMonth(to);
  if (from !== undefined && to !== undefined && (monthsFrom as string) >= (monthsUntil as string)) {
    return { months: null, leading: { from, to }, trailing: null };
  }
  return {
    months: { from: monthsFrom, until: monthsUntil },
    leading: from !== undefined && from < (monthsFrom as string) ? { from, to: shift(monthsFrom as string, -1) } : null,
    trailing: to !== undefined && (monthsUntil as string) <= to ? { from: monthsUntil as string, to } : null,
  };
}

/** Start of a China Standard Time date as an instant. */
export const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`);
/** The China Standard Time date of an instant (as need_rollup_day in SQL). */
export const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
