import type { EmailPayload } from "../../db/schema.ts";

export type OutgoingEmail = EmailPayload & { to: string };
export type EmailReceipt = { providerId: string; providerStatus: string };

/** Sends one email or throws; the outbox decides whether a failure is worth retrying. */
export type EmailSender = { send(email: OutgoingEmail): Promise<EmailReceipt> };

/** How long nodemailer waits to connect, for the server's greeting, and on an idle socket. */
export type SmtpTimeouts = { connectionMs: number; greetingMs: number; socketMs: number };
export const defaultSmtpTimeouts: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 20_000 };

/** Mail through any SMTP server (`smtp://` or `smtps://user:pass@host:port`) with nodemailer. */
export async function createSmtpEmail(smtpUrl: string, from: { name: string; address: string }, timeouts: Partial<SmtpTimeouts> = {}): Promise<EmailSender> {
  const { default: nodemailer } = await import("nodemailer");
  const t = { ...defaultSmtpTimeouts, ...timeouts };
  // Bounded at every stage, so a mail server that never answers frees its slot (and the outbox retries).
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: t.connectionMs, greetingTimeout: t.greetingMs, socketTimeout: t.socketMs });
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
