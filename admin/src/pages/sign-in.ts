import type { Api } from "../api.ts";
import { html } from "../html.ts";
import type { Session } from "../session.ts";

/** TODO: sign in. */
export function SignInPage(_props: { api: Api; onSignedIn: (session: Session) => void }) {
  return html`<h1>Sign in</h1>`;
}
