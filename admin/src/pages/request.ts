import { useEffect, useState } from "preact/hooks";
import { html } from "../html.ts";
import { requestNumberLabel } from "../inbox/describe.ts";
import { KIND_LABELS, STATUS_LABELS } from "../inbox/types.ts";
import { useInboxEvents } from "../inbox/use-inbox-events.ts";
import { ChatTranscript } from "../request/chat-transcript.ts";
import { FieldsList } from "../request/fields-list.ts";
import { Notifications } from "../request/notifications.ts";
import { SpamAction } from "../request/spam-action.ts";
import { StatusActions } from "../request/status-actions.ts";
import { TextForm } from "../request/text-form.ts";
import { Timeline } from "../request/timeline.ts";
import { ShopContextCard } from "../request/shop-context.ts";
import type { RequestDetail } from "../request/types.ts";
import { formatDateTime } from "../ui/format.ts";
import { paths, type PageProps } from "./page.ts";

/** One request: every field, the customer, quick actions, notifications, timeline, notes, and answering. */
export function RequestPage({ api, site, params }: PageProps) {
  const id = params.id!;
  const [detail, setDetail] = useState<RequestDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const url = `/requests/${encodeURIComponent(id)}`;

  const load = () =>
    api
      .get<RequestDetail>(url)
      .then(setDetail)
      .catch((err: Error) => setError(err.message));
  useEffect(() => void load(), [id]);
  // Another tab, another owner, an SMS reply or the shopper may change it: keep it current.
  useInboxEvents(site.key, ({ request }) => {
    if (request.id === id) void load();
  });

  const setStatus = async (status: RequestDetail["request"]["status"]) => {
    setBusy(true);
    setError(null);
    try {
      await api.send("PATCH", url, { status });
      await load();
      setAnnouncement(`Marked ${STATUS_LABELS[status].toLowerCase()}.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const markSpam = async (spam: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await api.send(spam ? "POST" : "DELETE", `${url}/spam`);
      await load();
      setAnnouncement(spam ? "Marked as spam. The sender is blocked and their requests are in Spam." : "Back in the inbox; the sender is no longer blocked.");
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const call = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.send("POST", `${url}/call`);
      setAnnouncement("Calling your phone now. Answer it and press 1 to be connected.");
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const send = (path: string) => async (text: string) => {
    await api.send("POST", `${url}/${path}`, { text });
    await load();
  };

  if (error && !detail) return html`<h1>Request</h1><p class="form-message form-error" role="alert">${error}</p><p><a href=${paths.inbox(site.key)}>Back to the inbox</a></p>`;
  if (!detail) return html`<p class="muted" role="status">Loading…</p>`;
  const r = detail.request;
  const since = new Intl.DateTimeFormat(undefined, { month: "short", year: "numeric", timeZone: detail.site.timezone }).format(new Date(detail.customer.firstSeenAt));
  return html`<article class="request">
    <p class="crumbs"><a href=${paths.inbox(site.key)}>← Inbox</a></p>
    <div class="page-head">
      <h1>${r.name || "Visitor"}</h1>
      <span class="badge badge-kind">${KIND_LABELS[r.kind]} #${r.ref}</span>
      <span class=${`badge badge-${r.status}`}>${STATUS_LABELS[r.status]}</span>
    </div>
    <p class="customer-line">
      <a href=${paths.customer(site.key, detail.customer.id)}>${requestNumberLabel(r)} · <span class="nowrap">customer since ${since}</span></a>
      <span class="muted"> · received ${formatDateTime(r.createdAt, detail.site.timezone)}</span>
    </p>
    <p class=${announcement.startsWith("Calling") ? "form-message form-success" : "visually-hidden"} role="status">${announcement}</p>
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    <${StatusActions} detail=${detail} busy=${busy} onStatus=${setStatus} onCall=${call} />
    <${SpamAction} detail=${detail} busy=${busy} onMark=${markSpam} />
    ${r.callOutcome ? html`<p class=${`badge badge-${r.callOutcome === "called" ? "done" : "failed"}`}>${r.callOutcome === "called" ? "Called back" : "Call missed"}</p>` : null}

    <div class="request-grid">
      <div>
        ${r.kind === "chat"
          ? html`<section class="card" aria-labelledby="chat-h"><h2 id="chat-h">Chat</h2>
              <${ChatTranscript} detail=${detail} />
              <${TextForm} id="chat-answer" label="Your answer" button="Send" busyButton="Sending…" done="Sent."
                hint=${r.email ? "Shown live in the widget; emailed too if they have gone." : "Shown live in the widget."} onSend=${send("messages")} />
            </section>`
          : null}
        <section class="card" aria-labelledby="details-h"><h2 id="details-h">Details</h2><${FieldsList} detail=${detail} /></section>
        <${ShopContextCard} api=${api} site=${site.key} detail=${detail} onChanged=${load} />
        ${r.kind === "message"
          ? html`<section class="card" aria-labelledby="reply-h"><h2 id="reply-h">Reply by email</h2>
              <${TextForm} id="reply-text" label="Your reply" hint=${`Goes to ${r.email} in the same email thread.`} button="Send reply" busyButton="Sending…"
                done="Reply queued; it shows on the timeline." onSend=${send("replies")} />
            </section>`
          : null}
      </div>
      <div>
        <section class="card" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
          <${Timeline} detail=${detail} />
          <${TextForm} id="note-text" label="Add an internal note" hint="Only people on your team see notes." button="Add note" busyButton="Adding…"
            done="Note added." onSend=${send("notes")} />
        </section>
        <section class="card" aria-labelledby="notifications-h"><h2 id="notifications-h">Notifications</h2><${Notifications} detail=${detail} api=${api} onChanged=${load} /></section>
      </div>
    </div>
  </article>`;
}
