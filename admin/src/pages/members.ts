import { html } from "../html.ts";
import type { PageProps } from "./page.ts";

/** TODO: being built. */
export function MembersPage(_props: PageProps) {
  return html`<h1>MembersPage</h1>`;
}
