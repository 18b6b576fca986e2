import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { useApiForm } from "../ui/use-api-form.ts";
import { RESET_COMMAND } from "./reset-command.ts";
import { useResetByEmail } from "./sign-in.ts";


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
    <h1>Forgot your password?</h1>
    ${byEmail === null ? html`<p role="status">Loading…</p>` : null}
    ${byEmail === false
      ? html`<div class="card"><p>This Beckon cannot send email (SMTP is not set up), so a reset link cannot reach you.</p>
          <p>Whoever runs the server can set a new password there, in the Beckon folder:</p>
          <pre><code>${RESET_COMMAND}</code></pre>
          <p class="hint">Put the account's email in place of you@example.com; it asks for the new password.</p>
          <p><a href="/admin">Back to sign in</a></p></div>`
      : null}
    ${byEmail && sentTo
      ? html`<div class="card"><p role="status">If ${sentTo} has an account here, a link to choose a new password is on its way. It works once, for an hour.</p>
          <p><a href="/admin">Back to sign in</a></p></div>`
      : null}
    ${byEmail && !sentTo
      ? html`<form class="card" noValidate onSubmit=${submit}>
          <p>Enter your account's email. We send you a link to choose a new password.</p>
          <${TextField} id="forgot-email" label="Email" type="email" value=${values.email} onValue=${set("email")} error=${errors.email} autocomplete="username" required />
          <${FormMessage} error=${error} />
          <div class="actions"><button type="submit" disabled=${busy}>${busy ? "Sending…" : "Email me a link"}</button> <a href="/admin">Back to sign in</a></div>
        </form>`
      : null}
  </main>`;
}
