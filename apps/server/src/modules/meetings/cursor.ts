/** Keyset cursors of the meeting and action-item lists: an opaque [timestamp-or-date, uuid] pair. */
export type Cursor = [string, string];

export function encodeCursor(value: Cursor): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) {
    return null;
  }
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString());
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      /^[0-9a-f-]{36}$/.test(value[1]) &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      return value as Cursor;
    }
  } catch {
    // an unreadable cursor starts from the beginning
  }
  return null;
}
