import { useCallback, useRef } from "react";

/**
 * One Idempotency-Key per submission: re-sending the same payload (a double click, a retry after a
 * network error) reuses the key so the server answers with the first result instead of acting twice;
 * a changed payload gets a fresh key. Call `reset()` after a success.
 */
export function useIdempotencyKey(): { keyFor: (payload: unknown) => string; reset: () => void } {
  const last = useRef<{ payload: string; key: string } | null>(null);

  const keyFor = useCallback((payload: unknown): string => {
    const serialized = JSON.stringify(payload);
    if (last.current !== null && last.current.payload === serialized) {
      return last.current.key;
    }
    const key = crypto.randomUUID();
    last.current = { payload: serialized, key };
    return key;
  }, []);

  const reset = useCallback(() => {
    last.current = null;
  }, []);

  return { keyFor, reset };
}
