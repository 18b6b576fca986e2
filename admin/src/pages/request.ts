import { useEffect, useState } from "preact/hooks";
import { html } from "../html.ts";
import { requestNumberLabel } from "../inbox/describe.ts";
import { KIND_LABELS, STATUS_LABELS } from "../inbox/types.ts";
import { useInboxEvents } from "../inbox/use-inbox-events.ts";
import { ChatTranscript } from "../request/chat-transcript.ts";
import { useChatLive } from "../request/chat-live.ts";
import { RatingView } from "../request/rating-view.ts";
import { AttachForm } from "../request/attach-form.ts";
import { FieldsList } from "../request/fields-list.ts";
import { FileList } from "../request/file-list.ts";
import { Notifications } from "../request/notifications.ts";
import { SpamAction } from "../request/spam-action.ts";
import { StatusActions } from "../request/status-actions.ts";
import { TextForm } from "../request/text-form.ts";
import type { SavedAnswer } from "../request/saved-answer-picker.ts";
import { firstNameOf } from "@beckon/contract/saved-answers";
import { Timeline } from "../request/timeline.ts";
import { ShopContextCard } from "../request/shop-context.ts";
import type { RequestDetail } from "../request/types.ts";
import { formatDateTime, formatMonthYear } from "../ui/format.ts";
import { paths, type PageProps } from "./page.ts";
import { t } from "../i18n/t.ts";

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
  // Saved answers for the reply box's `/` picker; without them the box is a plain text box.
  const [answers, setAnswers] = useState<SavedAnswer[]>([]);
  useEffect(() => {
    api
      .get<{ answers: SavedAnswer[] }>(`/sites/${encodeURIComponent(site.key)}/saved-answers`)
      .then((res) => setAnswers(res.answers))
      .catch(() => setAnswers([]));
  }, [site.key]);
  // Opening the request acknowledges its push alerts: their SMS fallback is then not sent.
  useEffect(() => void api.send("POST", "/push/ack", { requestId: id }).catch(() => undefined), [id]);
  // Another tab, another owner, an SMS reply or the shopper may change it: keep it current.
  const live = useChatLive(() => void api.send("POST", `${url}/typing`).catch(() => undefined));
  useInboxEvents(
    site.key,
    ({ request }) => {
      if (request.id !== id) return;
      live.lineArrived();
      void load();
    },
    (event) => event.requestId === id && live.hear(event),
  );

  const setStatus = async (status: RequestDetail["request"]["status"]) => {
    setBusy(true);
    setError(null);
    try {
      await api.send("PATCH", url, { status });
      await load();
      setAnnouncement(t("request.marked", { status: STATUS_LABELS[status].toLowerCase() }));
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
      setAnnouncement(spam ? t("request.marked_spam") : t("request.unmarked_spam"));
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
      setAnnouncement(t("request.calling"));
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

  if (error && !detail) return html`<h1>${t("request.title")}</h1><p class="form-message form-error" role="alert">${error}</p><p><a href=${paths.inbox(site.key)}>${t("request.back")}</a></p>`;
  if (!detail) return html`<p class="muted" role="status">${t("common.loading")}</p>`;
  const r = detail.request;
  const picker = answers.length ? { answers, values: { first_name: firstNameOf(r.name), shop: site.name, ref: r.ref } } : undefined;
  const since = formatMonthYear(detail.customer.firstSeenAt, detail.site.timezone);
  return html`<article class="request">
    <p class="crumbs"><a href=${paths.inbox(site.key)}>${t("request.crumb")}</a></p>
    <div class="page-head">
      ${r.name ? html`<h1 data-user-text>${r.name}</h1>` : html`<h1>${t("common.visitor")}</h1>`}
      <span class="badge badge-kind">${KIND_LABELS[r.kind]} #${r.ref}</span>
      <span class=${`badge badge-${r.status}`}>${STATUS_LABELS[r.status]}</span>
    </div>
    <p class="customer-line">
      <a href=${paths.customer(site.key, detail.customer.id)}>${requestNumberLabel(r)} · <span class="nowrap">${t("request.since", { when: since })}</span></a>
      <span class="muted"> · ${t("request.received", { when: formatDateTime(r.createdAt, detail.site.timezone) })}</span>
    </p>
    <p class=${announcement === t("request.calling") ? "form-message form-success" : "visually-hidden"} role="status">${announcement}</p>
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    <${StatusActions} detail=${detail} busy=${busy} onStatus=${setStatus} onCall=${call} />
    <${SpamAction} detail=${detail} busy=${busy} onMark=${markSpam} />
    ${r.callOutcome ? html`<p class=${`badge badge-${r.callOutcome === "called" ? "done" : "failed"}`}>${r.callOutcome === "called" ? t("request.called_back") : t("request.call_missed")}</p>` : null}

    <div class="request-grid">
      <div>
        ${r.kind === "chat"
          ? html`<section class="card" aria-labelledby="chat-h"><h2 id="chat-h">${t("request.chat")}</h2>
              <${ChatTranscript} detail=${detail} readUpTo=${live.readUpTo} typing=${live.typing} />
              <${TextForm} id="chat-answer" onType=${live.typed} label=${t("request.your_answer")} button=${t("common.send")} busyButton=${t("common.sending")} done=${t("request.sent")}
                hint=${r.email ? t("request.chat_hint_email") : t("request.chat_hint")} onSend=${send("messages")} picker=${picker} />
              <${AttachForm} onSend=${async (form: FormData) => (await api.send("POST", `${url}/files`, form), await load())} />
            </section>`
          : null}
        ${detail.rating
          ? html`<section class="card" aria-labelledby="rating-h"><h2 id="rating-h">${t("rating.title")}</h2><${RatingView} rating=${detail.rating} timeZone=${detail.site.timezone} /></section>`
          : null}
        <section class="card" aria-labelledby="details-h"><h2 id="details-h">${t("request.details")}</h2><${FieldsList} detail=${detail} /><${FileList} files=${detail.files} /></section>
        <${ShopContextCard} api=${api} site=${site.key} detail=${detail} onChanged=${load} />
        ${r.kind === "message"
          ? html`<section class="card" aria-labelledby="reply-h"><h2 id="reply-h">${t("request.reply_title")}</h2>
              <${TextForm} id="reply-text" label=${t("request.your_reply")} hint=${t("request.reply_hint", { email: r.email ?? "" })} button=${t("request.send_reply")}
                busyButton=${t("common.sending")} done=${t("request.reply_done")} onSend=${send("replies")} picker=${picker} />
              <${AttachForm} onSend=${async (form: FormData) => (await api.send("POST", `${url}/files`, form), await load())} />
            </section>`
          : null}
      </div>
      <div>
        <section class="card" aria-labelledby="timeline-h"><h2 id="timeline-h">${t("request.timeline")}</h2>
          <${Timeline} detail=${detail} />
          <${TextForm} id="note-text" label=${t("request.note_label")} hint=${t("request.note_hint")} button=${t("request.add_note")} busyButton=${t("request.adding")}
            done=${t("request.note_done")} onSend=${send("notes")} />
        </section>
        <section class="card" aria-labelledby="notifications-h"><h2 id="notifications-h">${t("request.notifications")}</h2><${Notifications} detail=${detail} api=${api} onChanged=${load} /></section>
      </div>
    </div>
  </article>`;
}
