import { freeBytes } from "./client.js";

/**
 * Whether the PGlite data directory has room for writes. PGlite does not fail cleanly on a full disk
 * (it answered one 500, then hung at full CPU even after space was freed), so writes are refused
 * before they reach it once free space falls below the threshold, and allowed again by themselves
 * when space returns. The reading is one statfs call, taken at most once per `intervalMs`.
 */
export type StorageGuard = {
  /** False while free space is below the threshold (re-read when the last reading is older than the interval). */
  writable(): boolean;
  /** The last reading in bytes (null: never read, or the directory could not be read). */
  lastFreeBytes(): number | null;
};

export type StorageGuardOptions = {
  /** The data directory; null: no guard (PostgreSQL, whose disk is the database server's). */
  dir: string | null;
  minFreeBytes: number;
  /** Re-read at most this often (ms). */
  intervalMs?: number;
  /** Reads the free bytes (default: statfs of `dir`). */
  read?: () => number;
  clock?: () => number;
  onChange?: (writable: boolean, free: number) => void;
};

export function createStorageGuard(options: StorageGuardOptions): StorageGuard {
  const dir = options.dir;
  if ((!dir && !options.read) || options.minFreeBytes <= 0) {
    return { writable: () => true, lastFreeBytes: () => null };
  }
  const read = options.read ?? (() => freeBytes(dir as string));
  const clock = options.clock ?? Date.now;
  const intervalMs = options.intervalMs ?? 1000;
  let readAt = Number.NEGATIVE_INFINITY;
  let free: number | null = null;
  let writable = true;
  const refresh = () => {
    readAt = clock();
    try {
      free = read();
    } catch {
      // An unreadable directory says nothing about space: keep the last verdict.
      return;
    }
    const next = free >= options.minFreeBytes;
    if (next !== writable) {
      writable = next;
      options.onChange?.(writable, free);
    }
  };
  return {
    writable() {
      if (clock() - readAt >= intervalMs) {
        refresh();
      }
      return writable;
    },
    lastFreeBytes: () => free,
  };
}
