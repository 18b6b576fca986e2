import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { useApiForm } from "../ui/use-api-form.ts";
import { RESET_COMMAND } from "./reset-command.ts";
import { useResetByEmail } from "./sign-in.ts";
import { t } from "../i18n/t.ts";


/** "Forgot password?": a one-time link by email, or, without SMTP, how to reset on the server. */
export function ForgotPasswordPage({ api }: { api: Api }) {
  const byEmail = useResetByEmail(api);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { values, set, errors, error, busy, submit: sendWith } = useApiForm({ email: "" }, { idPrefix: "forgot", fields: ["email"] });
  const submit = sendWith(async (v) => {
    await api.send("POST", "/password-reset", v);
    setSentTo(v.email.trim());
  });

  return html`<main class="auth" id="main">
    <h1>${t("forgot.title")}</h1>
    ${byEmail === null ? html`<p role="status">${t("common.loading")}</p>` : null}
    ${byEmail === false
      ? html`<div class="card"><p>${t("forgot.no_smtp")}</p>
          <p>${t("forgot.on_server")}</p>
          <pre><code data-user-text>${RESET_COMMAND}</code></pre>
          <p class="hint">${t("forgot.command_hint")}</p>
          <p><a href="/admin">${t("forgot.back")}</a></p></div>`
      : null}
    ${byEmail && sentTo
      ? html`<div class="card"><p role="status">${t("forgot.sent", { email: sentTo })}</p>
          <p><a href="/admin">${t("forgot.back")}</a></p></div>`
      : null}
    ${byEmail && !sentTo
      ? html`<form class="card" noValidate onSubmit=${submit}>
          <p>${t("forgot.intro")}</p>
          <${TextField} id="forgot-email" label=${t("forgot.email")} type="email" value=${values.email} onValue=${set("email")} error=${errors.email} autocomplete="username" required />
          <${FormMessage} error=${error} />
          <div class="actions"><button type="submit" disabled=${busy}>${busy ? t("common.sending") : t("forgot.send")}</button> <a href="/admin">${t("forgot.back")}</a></div>
        </form>`
      : null}
  </main>`;
}
