import type { Api } from "../api.ts";
import { html } from "../html.ts";
import type { Session } from "../session.ts";

/** TODO: first-run setup. */
export function SetupPage(_props: { api: Api; onSignedIn: (session: Session) => void }) {
  return html`<h1>Set up Beckon</h1>`;
}
