// The chat's honest status line, and when to ask for an email: promise a live answer only when
// someone is really at the inbox.
import type { ChatState } from "./chat-session.ts";
import type { Availability, WidgetConfig } from "../panel-host.ts";

/** Without an answer after this long, the widget asks where to send it. */
export const ASK_EMAIL_AFTER_MS = 3 * 60_000;

/**
 * "Mara is here now" when the owner has the inbox open; otherwise how the answer will come (the panel's
 * header already says whether the shop is open and when it is back).
 */
export function chatStatusLine(config: Pick<WidgetConfig, "owner" | "availability" | "message">, live: boolean): string {
  if (live) return `${config.owner?.firstName || "We"} ${config.owner?.firstName ? "is" : "are"} here now and will answer in a moment.`;
  const a = config.availability;
  const hours = config.message.replyWithinHours;
  const usual = a.openNow && hours ? ` We usually reply within ${hours} hour${hours === 1 ? "" : "s"}.` : "";
  return `${a.openNow ? "Nobody is at the desk this minute." : "Nobody is at the desk right now."}${usual} Leave a message and your email, and we'll answer there.`;
}

/** Ask for an email when nobody is live, or when the shopper has waited a few minutes without an answer. */
export function shouldAskEmail(chat: Pick<ChatState, "ownerAvailable" | "lines" | "startedAt">, a: Availability, now: number): boolean {
  if (!chat.ownerAvailable || !a.chatLive) return true;
  return !chat.lines.some((l) => l.author === "owner") && now - chat.startedAt > ASK_EMAIL_AFTER_MS;
}
