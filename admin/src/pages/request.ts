import { html } from "../html.ts";
import type { PageProps } from "./page.ts";

/** TODO: being built. */
export function RequestPage(_props: PageProps) {
  return html`<h1>RequestPage</h1>`;
}
