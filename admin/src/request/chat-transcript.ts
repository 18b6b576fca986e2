import { html } from "../html.ts";
import { formatDateTime } from "../ui/format.ts";
import type { RequestDetail } from "./types.ts";
import { t } from "../i18n/t.ts";
import { FileList } from "./file-list.ts";

/**
 * A chat's lines, oldest first: the shopper's on one side, the owner's on the other. "Read" under the
 * newest owner line the shopper's widget has shown (`readUpTo`, live); "… is typing" while they type.
 */
export function ChatTranscript({ detail, readUpTo = 0, typing = false }: { detail: RequestDetail; readUpTo?: number; typing?: boolean }) {
  const lines = detail.chat?.messages ?? [];
  const shopperName = detail.request.name || t("common.visitor");
  const shopper = detail.request.name ? html`<span data-user-text>${detail.request.name}</span>` : t("common.visitor");
  const read = Math.max(readUpTo, detail.chat?.shopperSeenId ?? 0);
  const readLine = lines.reduce((last, m) => (m.author === "owner" && m.id <= read ? m.id : last), 0);
  return html`<div role="log" aria-label=${t("request.conversation")} class="chat-log"><ol class="chat-lines">
    ${lines.map(
      (m) => html`<li class=${`chat-line chat-${m.author}`}>
        <span class="chat-who">${m.author === "owner" ? (m.by ? html`<span data-user-text>${m.by}</span>` : t("request.you")) : shopper}<span class="muted"> · ${formatDateTime(m.at, detail.site.timezone)}</span></span>
        <span class="chat-body prose" data-user-text>${m.body}</span>
        ${m.id === readLine ? html`<span class="muted chat-read">${t("chatlive.read")}</span>` : null}
        <${FileList} files=${m.files} />
      </li>`,
    )}
  </ol></div>
  <p class="muted chat-typing" aria-live="polite">${typing ? t("chatlive.typing", { name: shopperName }) : ""}</p>`;
}
