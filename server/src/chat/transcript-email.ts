// Issue #14: a chat's transcript by email, in the shopper's language and zone, with the shop's name:
// sent when the owner marks the chat done (to a shopper who left an email), and whenever the shopper
// asks from the widget ("Email me this chat"). The done copy asks "How did we do?" with three signed
// links to the rating page (/c/<token>/rate, like the shopper link in a confirmation text).
import { escapeHtml } from "@beckon/contract/autoreply";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { requestRatings, requests, sites, type Mailbox } from "../db/schema.ts";
import type { NewEvent } from "../events/event-log.ts";
import type { Tx } from "../pipeline/commit.ts";
import { enqueueEmail } from "../outbox/outbox.ts";
import { newMessageId } from "../channels/email/email.ts";
import { signLink } from "../callbacks/shopper-links.ts";
import { t } from "../i18n/catalog.ts";
import { formatDate } from "../i18n/dates.ts";
import { intlTag, isRtl, type Locale } from "../i18n/locales.ts";
import { shopperLocale } from "../sites/locale-settings.ts";
import { readSettings } from "../sites/site-settings.ts";
import { knownTimeZone } from "../sites/time-zone.ts";
import { emailOf, readFields } from "../intake/request-fields.ts";
import { RATING_SCORES } from "../ratings/ratings.ts";
import { chatTranscript, type ChatMessageView } from "./chat-view.ts";
import { fileLink } from "../files/file-links.ts";

export type TranscriptDeps = { publicUrl: string; linkSecret: string; mailFrom: Mailbox };

/** What a line needs to be written: who is who, and the shopper's language and zone. */
/** `fileUrl`: a signed link to one of the chat's files (they open without the chat token). */
export type LineContext = { locale: Locale; zone: string; shopper: string; owner: string | null; shop: string; fileUrl: (id: string) => string };

/**
 * One line of the transcript, as text and as HTML. Every line goes through here, so what a line
 * carries besides its words (e.g. attachment links) is added in one place.
 */
export function renderLine(line: ChatMessageView, ctx: LineContext): { text: string; html: string } {
  // The owner's first name as the widget shows it (settings), else the member's, else the shop's name.
  const who = line.author === "owner" ? ctx.owner || line.by || ctx.shop : ctx.shopper;
  const when = formatDate(new Date(line.at), ctx.locale, ctx.zone, "long");
  const files = (line.files ?? []).map((f) => ({ name: f.name, url: ctx.fileUrl(f.id) }));
  const body = [line.body, ...files.map((f) => `${f.name}: ${f.url}`)].filter(Boolean).join("\n");
  const links = files.map((f) => `<br><a href="${escapeHtml(f.url)}">${escapeHtml(f.name)}</a>`).join("");
  return {
    text: `${who}, ${when}:\n${body}`,
    html: `<p><strong>${escapeHtml(who)}</strong>, <span style="color:#555">${escapeHtml(when)}</span><br>${escapeHtml(line.body).replace(/\n/g, "<br>")}${links}</p>`,
  };
}

/**
 * Queues the transcript of chat `requestId` to `to`, inside the caller's transaction. `askRating`
 * adds "How did we do?" with a signed link per score. Returns false when there is nothing to send.
 */
export async function queueTranscript(tx: Tx | Db, deps: TranscriptDeps, requestId: string, to: string, now: Date, askRating: boolean): Promise<boolean> {
  const [row] = await tx.select({ request: requests, site: sites }).from(requests).innerJoin(sites, eq(sites.id, requests.siteId)).where(eq(requests.id, requestId));
  if (!row || row.request.kind !== "chat") return false;
  const settings = readSettings(row.site.settings);
  const locale = shopperLocale(settings, row.request.locale);
  const zone = knownTimeZone(row.request.context?.timeZone) ?? settings.timezone;
  const ctx: LineContext = { locale, zone, shopper: t(locale, "transcript.you"), owner: settings.ownerFirstName, shop: row.site.name, fileUrl: (id) => fileLink(deps.publicUrl, deps.linkSecret, id) };
  const lines = (await chatTranscript(tx as Db, requestId)).map((l) => renderLine(l, ctx));
  if (!lines.length) return false;
  const site = row.site.name;
  const intro = t(locale, "transcript.intro", { site });
  const links = askRating
    ? RATING_SCORES.map((score) => ({ score, label: t(locale, `rating.${score}`), url: `${deps.publicUrl}/c/${signLink(deps.linkSecret, requestId)}/rate?score=${score}` }))
    : [];
  const ask = t(locale, "rating.ask");
  const text = [intro, ...lines.map((l) => l.text), ...(links.length ? [`${ask}\n${links.map((l) => `${l.label}: ${l.url}`).join("\n")}`] : []), `— ${site}`].join("\n\n");
  const dir = isRtl(locale) ? "rtl" : "ltr";
  const html = `<!doctype html><html lang="${intlTag(locale)}" dir="${dir}"><body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(intro)}</p>
${lines.map((l) => l.html).join("\n")}
${links.length ? `<p><strong>${escapeHtml(ask)}</strong><br>${links.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`).join(" · ")}</p>` : ""}
<p>— ${escapeHtml(site)}</p>
</body></html>`;
  await enqueueEmail(tx, {
    siteId: row.site.id,
    requestId,
    kind: "transcript",
    to: { shopper: to },
    payload: { subject: t(locale, "transcript.subject", { site }), text, html, fromName: site, messageId: newMessageId(deps.mailFrom.address) },
    now,
  });
  return true;
}

/** The event a status change to done records (inbox/inbox.ts), which sends the transcript. */
export const REQUEST_DONE = "request.done";

/**
 * A pipeline recorder: when a chat is marked done (from the inbox, by SMS or through the owner API),
 * a shopper who left an email gets the transcript, asking for a rating unless there is one.
 */
export function transcriptOnDone(deps: TranscriptDeps) {
  return async (tx: Tx, recorded: readonly NewEvent[], now: Date): Promise<void> => {
    for (const event of recorded) {
      if (event.type !== REQUEST_DONE) continue;
      const requestId = String(event.data.requestId ?? "");
      const [row] = await tx.select().from(requests).where(eq(requests.id, requestId));
      if (!row || row.kind !== "chat" || row.spamAt) continue;
      const email = emailOf(readFields(row));
      if (!email) continue;
      const [rated] = await tx.select({ id: requestRatings.id }).from(requestRatings).where(eq(requestRatings.requestId, requestId));
      await queueTranscript(tx, deps, requestId, email, now, !rated);
    }
  };
}
