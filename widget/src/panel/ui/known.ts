import { html } from "htm/preact";

/** One earlier conversation: what the shopper wrote and the shop's answers, as the server words them. */
export type HistoryItem = { you: string; answers: string[] };

// Issue #12's widget strings, in one place for the locale catalogs.
const YOUR_MESSAGES = "Your messages";

/** Under the channel list: the shop's trust lines, and a verified shopper's earlier conversations. */
export function Known({ trust, history }: { trust: string[]; history: HistoryItem[] | undefined }) {
  return html`${trust[0] && html`<ul class="trust">${trust.map((t) => html`<li>${t}</li>`)}</ul>`}
    ${history?.[0] && html`<details><summary>${YOUR_MESSAGES}</summary>${history.map((h) => html`<p>${h.you}${h.answers.map((a) => html`<br /><b>${a}</b>`)}</p>`)}</details>`}`;
}
