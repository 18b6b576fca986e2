import { html } from "../html.ts";
import { formatDateTime } from "../ui/format.ts";
import { timelineText } from "./timeline-text.ts";
import { FileList } from "./file-list.ts";
import type { Attachment } from "@beckon/contract/answers";
import type { RequestDetail } from "./types.ts";

/** What happened to the request, oldest first: status changes with who and when, notes and replies. */
export function Timeline({ detail }: { detail: RequestDetail }) {
  return html`<ol class="timeline">
    ${detail.timeline.map((e) => {
      const { text, files } = e.data as { text?: string; files?: Attachment[] };
      return html`<li class=${`tl tl-${e.type}`}>
        <span class="tl-when muted">${formatDateTime(e.at, detail.site.timezone)}</span>
        <span class="tl-what">${timelineText(e)}</span>
        ${text && (e.type === "note" || e.type === "reply") ? html`<blockquote class="prose" data-user-text>${text}</blockquote>` : null}
        ${e.type === "reply" ? html`<${FileList} files=${files} />` : null}
      </li>`;
    })}
  </ol>`;
}
