import type { Attachment } from "@beckon/contract/answers";
import { html } from "../html.ts";
import { t } from "../i18n/t.ts";

/** Where an owner opens a file: only with their session, for members of its site. */
export const fileUrl = (id: string, thumb = false) => `/api/admin/files/${encodeURIComponent(id)}${thumb ? "?thumb=1" : ""}`;

/** A chat line's files: photos as thumbnails, other files as links; each opens the file. */
export function FileList({ files }: { files: Attachment[] | undefined }) {
  if (!files?.length) return null;
  return html`<ul class="chat-files" aria-label=${t("files.list")}>
    ${files.map(
      (f) => html`<li><a href=${fileUrl(f.id)} target="_blank" rel="noopener">${f.image ? html`<img src=${fileUrl(f.id, true)} alt=${f.name} loading="lazy" />` : f.name}</a></li>`,
    )}
  </ul>`;
}
