// The chat's honest status line, and when to ask for an email: promise a live answer only when
// someone is really at the inbox.
import type { ChatState } from "./chat-session.ts";
import type { Availability, WidgetConfig } from "../panel-host.ts";
import { t } from "./i18n/translate.ts";

/** Without an answer after this long, the widget asks where to send it. */
export const ASK_EMAIL_AFTER_MS = 3 * 60_000;

/**
 * "Mara is here now" when the owner has the inbox open; otherwise how the answer will come (the panel's
 * header already says whether the shop is open and when it is back).
 */
export function chatStatusLine(config: Pick<WidgetConfig, "owner" | "availability" | "message">, live: boolean): string {
  const name = config.owner?.firstName;
  if (live) return name ? t("liveName", { name }) : t("liveWe");
  const a = config.availability;
  const hours = config.message.replyWithinHours;
  const usual = a.openNow && hours ? ` ${t("usually", { count: hours })}` : "";
  return `${t(a.openNow ? "deskMinute" : "deskNow")}${usual} ${t("leaveMessage")}`;
}

/** Ask for an email when nobody is live, or when the shopper has waited a few minutes without an answer. */
export function shouldAskEmail(chat: Pick<ChatState, "ownerAvailable" | "lines" | "startedAt">, a: Availability, now: number): boolean {
  if (!chat.ownerAvailable || !a.chatLive) return true;
  return !chat.lines.some((l) => l.author === "owner") && now - chat.startedAt > ASK_EMAIL_AFTER_MS;
}
