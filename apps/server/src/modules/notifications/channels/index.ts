import type { Mailer } from "../../../platform/mail/index.js";
import type { DeliveryChannel } from "./channel.js";
import { emailChannel } from "./email.js";

export type { DeliveryChannel, DeliveryMessage, DeliveryRecipient } from "./channel.js";
export { emailChannel } from "./email.js";

/**
 * The channels notifications are delivered through, in order. Adding SMS or WeChat template messages
 * is writing one adapter (see email.ts) and listing it here.
 */
export function deliveryChannels(transports: { mailer: Mailer }): DeliveryChannel[] {
  return [emailChannel(transports.mailer)];
}
