import type { Job } from "../../platform/module.js";
import { sendDigests, sendPendingEmails } from "./delivery.js";

/** Sends the pending e-mails and the daily digests that are due (SMTP when configured, else the log). */
export const deliverNotificationsJob: Job = {
  name: "notifications digest",
  description: "send the daily digests that are due and the pending e-mails (SMTP when SANSHE_SMTP_URL is set, otherwise printed)",
  phase: "deliver",
  async run(ctx, { mailer }) {
    const digests = await sendDigests(ctx, mailer);
    const emails = await sendPendingEmails(ctx, mailer);
    return {
      summary: `${digests.sent} digests sent (${digests.failed} failed), ${emails.sent} e-mails sent (${emails.failed} failed)`,
      changed: digests.sent + emails.sent + digests.failed + emails.failed > 0,
      failed: digests.failed + emails.failed > 0,
    };
  },
};
