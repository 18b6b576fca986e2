import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import type { Session } from "../session.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { useApiForm } from "../ui/use-api-form.ts";
import { RESET_COMMAND } from "./reset-command.ts";

/** Sign in with email and password. Wrong details and throttling both answer in one plain sentence. */
export function SignInPage({ api, onSignedIn }: { api: Api; onSignedIn: (session: Session) => void }) {
  const { values: form, set, error, busy, submit: sendWith } = useApiForm(
    { email: "", password: "" },
    { idPrefix: "sign-in", fields: ["email", "password"], fallbackFocus: "password" },
  );
  const submit = sendWith(async (values) => onSignedIn(await api.send<Session>("POST", "/session", values)));
  const byEmail = useResetByEmail(api);

  return html`<main class="auth" id="main">
    <h1>Sign in to Beckon</h1>
    <form class="card" noValidate onSubmit=${submit}>
      <${TextField} id="sign-in-email" label="Email" type="email" value=${form.email} onValue=${set("email")} autocomplete="username" required />
      <${TextField} id="sign-in-password" label="Password" type="password" value=${form.password} onValue=${set("password")} autocomplete="current-password" required />
      <${FormMessage} error=${error} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? "Signing in…" : "Sign in"}</button>
        <a href="/admin/reset-password">Forgot password?</a></div>
      ${byEmail === false
        ? html`<p class="hint">This server cannot send email, so a forgotten password is reset on the server: <code>${RESET_COMMAND}</code></p>`
        : null}
    </form>
  </main>`;
}

/** How a forgotten password is reset here: by email when SMTP is set up, otherwise on the server. */
export function useResetByEmail(api: Api): boolean | null {
  const [byEmail, setByEmail] = useState<boolean | null>(null);
  useEffect(() => {
    api.get<{ passwordResetByEmail?: boolean }>("/setup").then((r) => setByEmail(!!r.passwordResetByEmail), () => setByEmail(false));
  }, []);
  return byEmail;
}
