import type { Notification, TimelineEntry } from "./types.ts";
import { t } from "../i18n/t.ts";

const statusWords = (): Record<string, string> => ({ new: t("timeline.status.new"), in_progress: t("timeline.status.in_progress"), done: t("timeline.status.done") });

/** One sentence for a timeline entry: what happened and who did it. */
export function timelineText(e: TimelineEntry): string {
  const who = e.actor?.name ?? t("timeline.beckon");
  const d = e.data as { from?: string; to?: string; text?: string; reason?: string };
  switch (e.type) {
    case "created":
      return t("timeline.created");
    case "status":
      if (d.to === "spam" || d.from === "spam") return `${t(d.to === "spam" ? "timeline.spam" : "timeline.not_spam", { who })}${d.reason && d.from !== "spam" && !d.reason.startsWith("Marked") ? ` ${d.reason}` : ""}`;
      return `${t("timeline.moved", { who: e.actor ? who : t("timeline.beckon"), from: statusWords()[d.from ?? ""] ?? d.from ?? "", to: statusWords()[d.to ?? ""] ?? d.to ?? "" })}${d.reason ? ` ${d.reason}` : ""}`;
    case "note":
      return t("timeline.note", { who });
    case "reply":
      return t("timeline.reply", { who });
    case "call": {
      const c = e.data as { leg?: string; status?: string; duration?: number };
      const leg = t(c.leg === "shopper" ? "timeline.call_shopper" : "timeline.call_you");
      const status = (c.status ?? "").replace("-", " ");
      return c.duration ? t("timeline.call_seconds", { leg, status, seconds: c.duration }) : t("timeline.call", { leg, status });
    }
    case "autoreply_skipped":
      return t("timeline.autoreply_skipped", { reason: d.reason ?? t("timeline.skipped") });
    default:
      return `${e.type}${d.text ? `: ${d.text}` : ""}`;
  }
}

const CHANNEL: Record<string, string> = { sms: t("notify.sms"), email: t("notify.email"), webhook: t("notify.webhook"), push: t("notify.push") };
const STATUS: Record<string, string> = {
  pending: t("notify.pending"),
  sending: t("notify.sending"),
  sent: t("notify.sent"),
  failed: t("notify.failed"),
  not_sent: t("notify.not_sent"),
  skipped: t("notify.skipped"),
};

/**
 * "SMS to you: Sent (delivered)" and the like: `provider` is the provider's own word for it ("delivered",
 * "250 OK"), shown as it came, beside our status.
 */
export function notificationText(n: Notification): { what: string; status: string; provider?: string; tone: "ok" | "bad" | "wait" | "off" } {
  const who = n.audience === "owner" ? t("notify.you") : t("notify.shopper");
  const provider = n.providerStatus && n.providerStatus !== "queued" && n.providerStatus !== "accepted" ? n.providerStatus : undefined;
  const failedAtProvider = n.providerStatus === "failed" || n.providerStatus === "undelivered";
  const tone = n.status === "failed" || failedAtProvider ? "bad" : n.status === "sent" ? "ok" : n.status === "pending" || n.status === "sending" ? "wait" : "off";
  return { what: t("notify.what", { channel: CHANNEL[n.channel] ?? n.channel, who }), status: STATUS[n.status] ?? n.status, ...(provider ? { provider } : {}), tone };
}
