import { html } from "../html.ts";
import type { PageProps } from "./page.ts";

/** TODO: being built. */
export function CustomerPage(_props: PageProps) {
  return html`<h1>CustomerPage</h1>`;
}
