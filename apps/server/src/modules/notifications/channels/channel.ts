/**
 * A delivery channel (ADR 0022): one way a notification leaves the platform (e-mail today; an SMS or
 * WeChat template-message sender is one more adapter listed in channels/index.ts). The outbox in
 * delivery.ts owns the claim, the retries and the exactly-once marking; a channel only says whom it
 * can reach and sends one message, rejecting when its transport fails.
 */
export type DeliveryChannel = {
  /** Stable name (logs, job summaries). */
  name: string;
  /** Whether this user has what the channel needs on file (an e-mail address, a phone, an openid). */
  canReach(user: DeliveryRecipient): boolean;
  /** Sends one message; rejects on failure (the outbox retries later). */
  send(user: DeliveryRecipient, message: DeliveryMessage): Promise<void>;
};

/**
 * What the outbox knows of a recipient: the contact columns of the users table. A channel needing a
 * new contact (a phone number, a WeChat openid) adds its column here and to `recipientColumns` /
 * `contactOnFile` in delivery.ts.
 */
export type DeliveryRecipient = { id: string; email: string | null };

/** One message: a single notification, or a daily digest of several. */
export type DeliveryMessage = { subject: string; text: string };
