import { html } from "htm/preact";
import { t } from "../i18n/translate.ts";

/** One earlier conversation: what the shopper wrote and the shop's answers, as the server words them. */
export type HistoryItem = { you: string; answers: string[] };

/** Under the channel list: the shop's trust lines, and a verified shopper's earlier conversations. */
export function Known({ trust, history }: { trust: string[]; history: HistoryItem[] | undefined }) {
  return html`${trust[0] && html`<ul class="trust">${trust.map((line) => html`<li>${line}</li>`)}</ul>`}
    ${history?.[0] && html`<details><summary>${t("yourMessages")}</summary>${history.map((h) => html`<p>${h.you}${h.answers.map((a) => html`<br /><b>${a}</b>`)}</p>`)}</details>`}`;
}
