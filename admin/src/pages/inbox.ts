import { html } from "../html.ts";
import type { PageProps } from "./page.ts";

/** TODO: being built. */
export function InboxPage(_props: PageProps) {
  return html`<h1>InboxPage</h1>`;
}
