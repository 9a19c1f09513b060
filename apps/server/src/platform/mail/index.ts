import nodemailer from "nodemailer";

export type MailMessage = { to: string; subject: string; text: string };

/** Sends one e-mail; rejects when the transport fails (the caller keeps the message for a retry). */
export type Mailer = { send(message: MailMessage): Promise<void> };

type Log = { info(object: object, message: string): void };

/**
 * The configured mailer: SMTP through nodemailer when SANSHE_SMTP_URL is set, otherwise a transport
 * that prints each message to the log (development, tests, CLI without SMTP).
 */
export function createMailer(options: { smtpUrl: string | null; from: string }, log: Log): Mailer {
  if (!options.smtpUrl) {
    return logMailer(log);
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** Prints e-mails to the log instead of sending them. */
export function logMailer(log: Log): Mailer {
  return {
    async send(message) {
      log.info({ mail: message }, "e-mail (no SMTP configured)");
    },
  };
}
