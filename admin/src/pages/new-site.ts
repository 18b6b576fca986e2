import { html } from "../html.ts";
import type { PageProps } from "./page.ts";

/** TODO: being built. */
export function NewSitePage(_props: Omit<PageProps, "site">) {
  return html`<h1>NewSitePage</h1>`;
}
