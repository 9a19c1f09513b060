import { z } from "zod";
import { cursorCodec, cursorId, cursorInstant } from "../../platform/pagination/cursor.js";

/**
 * Keyset cursor of the published summaries: an opaque [timestamp, uuid] pair. An unreadable cursor
 * starts from the beginning. (The meetings and action-items lists use sorted keysets.)
 */
export const meetingsCursor = cursorCodec(z.tuple([cursorInstant, cursorId]));
