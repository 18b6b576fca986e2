import { html } from "../html.ts";
import type { PageProps } from "./page.ts";

/** TODO: being built. */
export function InstallPage(_props: PageProps) {
  return html`<h1>InstallPage</h1>`;
}
