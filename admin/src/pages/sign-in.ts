import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import type { Session } from "../session.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { useApiForm } from "../ui/use-api-form.ts";
import { RESET_COMMAND } from "./reset-command.ts";
import { t, tParts } from "../i18n/t.ts";

/** Sign in with email and password. Wrong details and throttling both answer in one plain sentence. */
export function SignInPage({ api, onSignedIn }: { api: Api; onSignedIn: (session: Session) => void }) {
  const { values: form, set, error, busy, submit: sendWith } = useApiForm(
    { email: "", password: "" },
    { idPrefix: "sign-in", fields: ["email", "password"], fallbackFocus: "password" },
  );
  const submit = sendWith(async (values) => onSignedIn(await api.send<Session>("POST", "/session", values)));
  const byEmail = useResetByEmail(api);

  return html`<main class="auth" id="main">
    <h1>${t("sign_in.title")}</h1>
    <form class="card" noValidate onSubmit=${submit}>
      <${TextField} id="sign-in-email" label=${t("sign_in.email")} type="email" value=${form.email} onValue=${set("email")} autocomplete="username" required />
      <${TextField} id="sign-in-password" label=${t("sign_in.password")} type="password" value=${form.password} onValue=${set("password")} autocomplete="current-password" required />
      <${FormMessage} error=${error} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? t("sign_in.signing_in") : t("sign_in.sign_in")}</button>
        <a href="/admin/reset-password">${t("sign_in.forgot")}</a></div>
      ${byEmail === false
        ? html`<p class="hint">${tParts("sign_in.no_email", { command: html`<code data-user-text>${RESET_COMMAND}</code>` })}</p>`
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
