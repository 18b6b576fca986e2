import { html } from "../html.ts";
import { formatDateTime } from "../ui/format.ts";
import type { RequestDetail } from "./types.ts";
import { t } from "../i18n/t.ts";
import { FileList } from "./file-list.ts";

/** A chat's lines, oldest first: the shopper's on one side, the owner's on the other. */
export function ChatTranscript({ detail }: { detail: RequestDetail }) {
  const lines = detail.chat?.messages ?? [];
  const shopper = detail.request.name || t("common.visitor");
  return html`<div role="log" aria-label=${t("request.conversation")} class="chat-log"><ol class="chat-lines">
    ${lines.map(
      (m) => html`<li class=${`chat-line chat-${m.author}`}>
        <span class="chat-who">${m.author === "owner" ? (m.by ?? t("request.you")) : shopper}<span class="muted"> · ${formatDateTime(m.at, detail.site.timezone)}</span></span>
        <span class="chat-body prose">${m.body}</span>
        <${FileList} files=${m.files} />
      </li>`,
    )}
  </ol></div>`;
}
