import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import type { ChangeDeps } from "../pipeline/commit.ts";
import type { Db } from "../db/client.ts";
import { outbox, requests, siteMembers, sites, verifiedPhones, type RequestKind } from "../db/schema.ts";
import { addNote, changeStatus } from "./inbox.ts";
import { OWNER_SMS_HELP, parseOwnerSms } from "./owner-sms-command.ts";
import type { VoiceCaller } from "../providers/twilio/voice.ts";
import { startBridge } from "../calls/call-bridge.ts";
import { postOwnerLine } from "../chat/chat-owner.ts";
import { sendReply } from "./replies.ts";
import { stripControlCharacters } from "../http/validation.ts";
import { emailOf, phoneOf, readFields, type StoredFields } from "../intake/request-fields.ts";
import { fillForRequest, listSavedAnswers, savedAnswerByShortcut } from "../answers/saved-answers.ts";

export type OwnerSmsDeps = ChangeDeps & {
  mailFrom: { address: string };
  publicUrl: string;
  voice: VoiceCaller | undefined;
  /** OWNER_PHONE: operator configuration, trusted for the sites it is set on even before an account claims it. */
  operatorPhone?: string | undefined;
};

/** The answer texted back to the owner (what it changed went through the pipeline, which told the inbox). */
export type OwnerSmsOutcome = { answer: string };

type Target = { id: string; ref: string; kind: RequestKind; siteId: number; fields: StoredFields };

/** Who an SMS comes from: the account that proved the number, and the sites whose alerts it receives. */
type Sender = { userId: number | undefined; siteIds: number[] };

/**
 * The sites an inbound number may act on. A number proved by an account serves that account's sites
 * only (as the site's alert number or the person's own alerts), so an SMS never crosses accounts.
 * OWNER_PHONE not yet claimed by an account acts on the sites it is set on.
 */
async function senderOf(deps: OwnerSmsDeps, phone: string): Promise<Sender | null> {
  const { db } = deps;
  const [proved] = await db.select({ userId: verifiedPhones.userId }).from(verifiedPhones).where(eq(verifiedPhones.phone, phone));
  if (proved) {
    const rows = await db
      .select({ id: sites.id })
      .from(siteMembers)
      .innerJoin(sites, eq(sites.id, siteMembers.siteId))
      .where(and(eq(siteMembers.userId, proved.userId), or(eq(sites.ownerPhone, phone), eq(siteMembers.alertPhone, phone))));
    return rows.length ? { userId: proved.userId, siteIds: rows.map((r) => r.id) } : null;
  }
  if (phone !== deps.operatorPhone) return null;
  const rows = await db.select({ id: sites.id }).from(sites).where(eq(sites.ownerPhone, phone));
  return rows.length ? { userId: undefined, siteIds: rows.map((r) => r.id) } : null;
}

/**
 * An SMS from a proved alert number to the Beckon number: a command or an answer to the request last
 * alerted to this number (or the one named by `#ref`), within that number's own sites. Returns null
 * when the number serves no site: nobody else may act through this number.
 */
export async function handleOwnerSms(deps: OwnerSmsDeps, sms: { from: string; body: string }): Promise<OwnerSmsOutcome | null> {
  const { db } = deps;
  const sender = await senderOf(deps, sms.from);
  if (!sender) return null;

  const command = parseOwnerSms(sms.body);
  if (command.command === "help") return { answer: OWNER_SMS_HELP };

  const target = command.ref ? await byRef(db, sender.siteIds, command.ref) : await lastAlerted(db, sms.from, sender.siteIds);
  if (!target) {
    return { answer: command.ref ? `Beckon: no request #${command.ref} on your sites. Reply HELP for commands.` : "Beckon: there is no alert to answer yet. Reply HELP for commands." };
  }
  const owner = sender.userId ?? (await ownerUserOf(db, target.siteId));
  if (owner === undefined) return { answer: `Beckon: finish setting up your account at ${deps.publicUrl}/admin first.` };

  const fields = readFields(target);
  const name = fields.name ?? "the shopper";
  const label = `#${target.ref} (${name})`;

  /** An answer to the shopper: into their chat, by email for a message, else a note on the request. */
  const deliver = async (text: string): Promise<OwnerSmsOutcome> => {
    if (target.kind === "chat") {
      await postOwnerLine(deps, owner, target.id, { text }, "sms");
      return { answer: `Beckon: sent to ${label}'s chat.` };
    }
    if (target.kind === "message" && emailOf(fields)) {
      await sendReply(deps, owner, target.id, { text });
      return { answer: `Beckon: your answer was emailed to ${label}.` };
    }
    await addNote(deps, owner, target.id, { text });
    return { answer: `Beckon: noted on ${label}.` };
  };

  switch (command.command) {
    case "done":
      await changeStatus(deps, owner, target.id, { status: "done" });
      return { answer: `Beckon: ${label} marked done.` };
    case "call": {
      const phone = phoneOf(fields);
      if (!phone) return { answer: `Beckon: ${label} left no phone number.` };
      if (!deps.voice) return { answer: `Beckon: call ${name} on ${phone} (${label}).` };
      try {
        await startBridge(deps, owner, target.id);
      } catch (err) {
        return { answer: `Beckon: could not start the call to ${label}: ${err instanceof Error ? err.message : String(err)}` };
      }
      return { answer: `Beckon: ringing you now; press 1 to be connected to ${label}.` };
    }
    case "answer": {
      const saved = await savedAnswerByShortcut(db, target.siteId, command.shortcut);
      if (!saved) {
        const names = (await listSavedAnswers(db, target.siteId)).slice(0, 15).map((a) => `/${a.shortcut}`);
        return { answer: names.length ? `Beckon: no saved answer /${command.shortcut}. Yours: ${names.join(" ")}` : `Beckon: no saved answer /${command.shortcut}; add them in Settings at ${deps.publicUrl}/admin` };
      }
      const [site] = await db.select({ name: sites.name }).from(sites).where(eq(sites.id, target.siteId));
      return deliver(fillForRequest(saved, { ref: target.ref, name: fields.name }, site?.name ?? ""));
    }
    case "reply": {
      // What the inbox's schemas do to typed text: no control characters, no surrounding blanks (an SMS is under their length caps).
      const text = stripControlCharacters(command.text).trim();
      if (!text) return { answer: `Beckon: write your answer after #${target.ref}.` };
      return deliver(text);
    }
  }
}

const targetColumns = { id: requests.id, ref: requests.ref, kind: requests.kind, siteId: requests.siteId, fields: requests.fields };

/** The request behind the latest alert sent to this very number, on its own sites. */
async function lastAlerted(db: Db, phone: string, siteIds: number[]): Promise<Target | undefined> {
  const [row] = await db
    .select(targetColumns)
    .from(outbox)
    .innerJoin(requests, eq(requests.id, outbox.requestId))
    .where(
      and(
        eq(outbox.channel, "sms"),
        eq(outbox.audience, "owner"),
        eq(outbox.kind, "alert"),
        eq(outbox.recipient, phone),
        eq(outbox.status, "sent"),
        inArray(outbox.siteId, siteIds),
      ),
    )
    .orderBy(desc(outbox.sentAt), desc(outbox.id))
    .limit(1);
  return row;
}

/** `#ref` on one of this number's sites; with several sites, the newest request of that number. */
async function byRef(db: Db, siteIds: number[], ref: string): Promise<Target | undefined> {
  const [row] = await db
    .select(targetColumns)
    .from(requests)
    .where(and(eq(requests.ref, ref), inArray(requests.siteId, siteIds)))
    .orderBy(desc(requests.createdAt))
    .limit(1);
  return row;
}

/** The site's first owner account, who acts for SMS commands. */
async function ownerUserOf(db: Db, siteId: number): Promise<number | undefined> {
  const [row] = await db
    .select({ userId: siteMembers.userId })
    .from(siteMembers)
    .where(and(eq(siteMembers.siteId, siteId), eq(siteMembers.role, "owner")))
    .orderBy(asc(siteMembers.createdAt))
    .limit(1);
  return row?.userId;
}
