import type { Notification, TimelineEntry } from "./types.ts";

const STATUS_WORDS: Record<string, string> = { new: "new", in_progress: "in progress", done: "done" };

/** One sentence for a timeline entry: what happened and who did it. */
export function timelineText(e: TimelineEntry): string {
  const who = e.actor?.name ?? "Beckon";
  const d = e.data as { from?: string; to?: string; text?: string; reason?: string };
  switch (e.type) {
    case "created":
      return "Request received.";
    case "status":
      if (d.to === "spam" || d.from === "spam") return `${who} marked it as ${d.to === "spam" ? "spam" : "not spam"}.${d.reason && d.from !== "spam" && !d.reason.startsWith("Marked") ? ` ${d.reason}` : ""}`;
      return `${e.actor ? who : "Beckon"} moved it from ${STATUS_WORDS[d.from ?? ""] ?? d.from} to ${STATUS_WORDS[d.to ?? ""] ?? d.to}.${d.reason ? ` ${d.reason}` : ""}`;
    case "note":
      return `${who} noted:`;
    case "reply":
      return `${who} replied by email:`;
    case "call": {
      const c = e.data as { leg?: string; status?: string; duration?: number };
      const leg = c.leg === "shopper" ? "Call to the shopper" : "Call to your phone";
      return `${leg}: ${(c.status ?? "").replace("-", " ")}${c.duration ? ` (${c.duration} s)` : ""}.`;
    }
    case "autoreply_skipped":
      return `No automatic reply: ${d.reason ?? "skipped"}`;
    default:
      return `${e.type}${d.text ? `: ${d.text}` : ""}`;
  }
}

const CHANNEL: Record<string, string> = { sms: "SMS", email: "Email", webhook: "Webhook" };
const STATUS: Record<string, string> = {
  pending: "Waiting to send",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  not_sent: "Not sent",
  skipped: "Not needed",
};

/** "SMS to you: Sent (delivered)" and the like. */
export function notificationText(n: Notification): { what: string; status: string; tone: "ok" | "bad" | "wait" | "off" } {
  const who = n.audience === "owner" ? "you" : "the shopper";
  const provider = n.providerStatus && n.providerStatus !== "queued" && n.providerStatus !== "accepted" ? ` (${n.providerStatus})` : "";
  const failedAtProvider = n.providerStatus === "failed" || n.providerStatus === "undelivered";
  const tone = n.status === "failed" || failedAtProvider ? "bad" : n.status === "sent" ? "ok" : n.status === "pending" || n.status === "sending" ? "wait" : "off";
  return { what: `${CHANNEL[n.channel] ?? n.channel} to ${who}`, status: `${STATUS[n.status] ?? n.status}${provider}`, tone };
}
