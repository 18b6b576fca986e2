import type { EmailPayload } from "../db/schema.ts";

export type OutgoingEmail = EmailPayload & { to: string };
export type EmailReceipt = { providerId: string; providerStatus: string };

/** Sends one email or throws; the outbox decides whether a failure is worth retrying. */
export type EmailSender = { send(email: OutgoingEmail): Promise<EmailReceipt> };

/** Mail through any SMTP server (`smtp://` or `smtps://user:pass@host:port`) with nodemailer. */
export async function createSmtpEmail(smtpUrl: string, from: { name: string; address: string }): Promise<EmailSender> {
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(email) {
      const info = await transport.sendMail({
        from: { name: email.fromName ?? from.name, address: from.address },
        to: email.to,
        replyTo: email.replyTo,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        inReplyTo: email.inReplyTo,
        references: email.references,
      });
      return { providerId: info.messageId ?? email.messageId, providerStatus: String(info.response ?? "accepted").slice(0, 200) };
    },
  };
}

/** A fresh Message-ID under the sending domain, so replies thread and retries are recognisable. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.split("@")[1] ?? "beckon.invalid";
  return `<${crypto.randomUUID()}@${domain}>`;
}
