import { html } from "../html.ts";
import type { PageProps } from "./page.ts";

/** TODO: being built. */
export function SettingsPage(_props: PageProps) {
  return html`<h1>SettingsPage</h1>`;
}
