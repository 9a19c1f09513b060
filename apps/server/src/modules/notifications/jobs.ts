import type { Job } from "../../platform/module.js";
import { deliveryChannels } from "./channels/index.js";
import { deliverDigests, deliverPending } from "./delivery.js";

/** Sends the daily digests that are due and the pending notifications through every delivery channel (ADR 0022). */
export const deliverNotificationsJob: Job = {
  name: "notifications digest",
  description: "send the daily digests that are due and the pending e-mails (SMTP when SANSHE_SMTP_URL is set, otherwise printed)",
  phase: "deliver",
  async run(ctx, { mailer }) {
    const channels = deliveryChannels({ mailer });
    const digests = await deliverDigests(ctx, channels);
    const emails = await deliverPending(ctx, channels);
    return {
      summary: `${digests.sent} digests sent (${digests.failed} failed), ${emails.sent} e-mails sent (${emails.failed} failed)`,
      changed: digests.sent + emails.sent + digests.failed + emails.failed > 0,
      failed: digests.failed + emails.failed > 0,
    };
  },
};
