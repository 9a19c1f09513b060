import { z } from "zod";
import { cursorCodec, cursorId, cursorInstant } from "../../platform/pagination/cursor.js";

/**
 * Keyset cursors of the meeting and action-item lists: an opaque [timestamp-or-date, uuid] pair. An
 * unreadable cursor starts from the beginning.
 */
export const meetingsCursor = cursorCodec(z.tuple([cursorInstant, cursorId]));
