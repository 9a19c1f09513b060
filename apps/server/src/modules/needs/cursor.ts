import { z } from "zod";
import { cursorCodec, cursorId, cursorInstant } from "../../platform/pagination/cursor.js";

/**
 * The keyset cursor of the module's newest-first lists (needs, referrals): `[created_at, id]`. An
 * unreadable cursor starts from the first page.
 */
export const newestFirstCursor = cursorCodec(z.tuple([cursorInstant, cursorId]));
