import type { Mailer } from "../../../platform/mail/index.js";
import type { DeliveryChannel } from "./channel.js";

/** E-mail (SMTP when configured, else the log): reaches users with an address on file. */
export function emailChannel(mailer: Mailer): DeliveryChannel {
  return {
    name: "email",
    canReach: (user) => user.email !== null && user.email !== "",
    send: (user, message) => mailer.send({ to: user.email as string, subject: message.subject, text: message.text }),
  };
}
