import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { chats, siteMembers, sites, users } from "../../db/schema.ts";
import { payloadOf } from "../../outbox/payload.ts";
import { classifyFailure, type RetryPolicy } from "../../outbox/retry-policy.ts";
import { readSettings } from "../../sites/site-settings.ts";
import type { Channel } from "../channel.ts";
import type { EmailSender } from "./email.ts";

export const EMAIL_NOT_SET_UP = "Email is not set up: Beckon has no mail server (SMTP) to send it with.";

/**
 * The outbox's email channel: mail to a shopper goes to the address on the row (answering to the
 * owner); the owner's to the site's notification address, else the first owner's account email. An
 * owner's chat answer is skipped when the shopper read it in the widget first. Without a sender (no
 * SMTP) every item is recorded as not sent.
 */
export function createEmailChannel(deps: { db: Db; sender: EmailSender | undefined; retry: RetryPolicy; concurrency?: number }): Channel {
  const { db, sender } = deps;

  async function siteEmail(siteId: number): Promise<string | null> {
    const [site] = await db.select({ settings: sites.settings }).from(sites).where(eq(sites.id, siteId));
    return readSettings(site?.settings).notifyEmail ?? (await ownerAccountEmail(db, siteId));
  }

  return {
    name: "email",
    // Mail servers are slower and stricter about parallel connections.
    concurrency: deps.concurrency ?? 2,
    retry: deps.retry,

    async skip(item) {
      if (item.kind !== "chat_reply") return null;
      const line = payloadOf(item, "email").chatMessageId ?? Infinity;
      const [chat] = await db.select({ seen: chats.shopperSeenId }).from(chats).where(eq(chats.requestId, item.requestId ?? ""));
      return chat && chat.seen >= line ? "Not needed: the shopper read it in the chat." : null;
    },

    async destination(item) {
      if (!sender) return { to: item.recipient, reason: EMAIL_NOT_SET_UP };
      if (item.audience === "shopper") return { to: item.recipient! };
      const to = await siteEmail(item.siteId);
      if (!to) return { to, reason: "The site has no owner email address." };
      return { to };
    },

    async send(item, to) {
      const mail = payloadOf(item, "email");
      // Mail to a shopper answers to the owner, so a plain "Reply" reaches a person.
      const ownerEmail = item.audience === "shopper" && !mail.replyTo ? await siteEmail(item.siteId) : null;
      return sender!.send({ ...mail, ...(ownerEmail && { replyTo: { name: mail.fromName ?? "", address: ownerEmail } }), to });
    },

    describe(item) {
      const mail = payloadOf(item, "email");
      return `Subject: ${mail.subject}\n\n${mail.text}`;
    },

    classify: (err) => classifyFailure(err, "email"),
  };
}

/** The first owner's account email: where a site's mail goes when no notification address is set. */
async function ownerAccountEmail(db: Db, siteId: number): Promise<string | null> {
  const [row] = await db
    .select({ email: users.email })
    .from(siteMembers)
    .innerJoin(users, eq(users.id, siteMembers.userId))
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.role, "owner")))
    .orderBy(asc(siteMembers.createdAt))
    .limit(1);
  return row?.email ?? null;
}
