import { describe, expect, it } from "vitest";
import { createStorageGuard } from "./storage-guard.js";

describe("storage guard", () => {
  it("refuses below the threshold, reads at most once per interval and comes back by itself", () => {
    let now = 0;
    let free = 100;
    let reads = 0;
    const changes: boolean[] = [];
    const guard = createStorageGuard({
      dir: null,
      minFreeBytes: 50,
      intervalMs: 1000,
      clock: () => now,
      read: () => {
        reads += 1;
        return free;
      },
      onChange: (writable) => changes.push(writable),
    });
    expect(guard.writable()).toBe(true);
    free = 10;
    expect(guard.writable()).toBe(true); // the reading is less than a second old
    now = 1000;
    expect(guard.writable()).toBe(false);
    expect(guard.lastFreeBytes()).toBe(10);
    free = 60;
    now = 2000;
    expect(guard.writable()).toBe(true);
    expect(reads).toBe(3);
    expect(changes).toEqual([false, true]);
  });

  it("keeps the last verdict when the directory cannot be read, and is off without a directory or threshold", () => {
    let now = 0;
    let fail = false;
    const guard = createStorageGuard({
      dir: null,
      minFreeBytes: 50,
      intervalMs: 0,
      clock: () => now++,
      read: () => {
        if (fail) {
          throw new Error("EACCES");
        }
        return 10;
      },
    });
    expect(guard.writable()).toBe(false);
    fail = true;
    expect(guard.writable()).toBe(false);
    expect(createStorageGuard({ dir: null, minFreeBytes: 50 }).writable()).toBe(true);
    expect(createStorageGuard({ dir: "/", minFreeBytes: 0 }).writable()).toBe(true);
  });
});
