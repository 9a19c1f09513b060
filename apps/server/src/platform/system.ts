import type { Ctx } from "./ctx.js";
import type { Db } from "./db/client.js";
import { createAuditWriter } from "./audit/writer.js";

/** A ctx for work the platform does itself (CLI, seeds): no actor, audited as "system". */
export function systemCtx(db: Db, now: () => Date = () => new Date()): Ctx {
  return {
    db,
    actor: null,
    audit: createAuditWriter(db, { actorId: null, actorLogin: "system", ip: null, requestId: null }),
    now,
    locale: "zh-CN",
    requestId: null,
    ip: null,
  };
}
