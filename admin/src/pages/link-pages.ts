import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import type { Session } from "../session.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { useApiForm } from "../ui/use-api-form.ts";
import { ForgotPasswordPage } from "./forgot-password.ts";
import { t, tParts } from "../i18n/t.ts";

type Props = { api: Api; onSignedIn: (session: Session) => void };

/** The token of a one-time link: after `#`, so it never reaches server logs or Referer headers. */
const tokenFromHash = () => decodeURIComponent(location.hash.slice(1));

/** Looks the link up once; a dead link says so in plain words. */
function useLink<T>(api: Api, path: string, token: string) {
  const [info, setInfo] = useState<T | null>(null);
  const [dead, setDead] = useState<string | null>(null);
  useEffect(() => {
    api.send<T>("POST", path, { token }).then(setInfo, (err: Error) => setDead(err.message));
  }, [token]);
  return { info, dead };
}

type Invite = { email: string; siteName: string; role: "owner" | "member"; hasAccount: boolean };

/** `/admin/invite#token`: join a site; a newcomer sets their own password, an existing account signs in. */
export function AcceptInvitePage({ api, onSignedIn }: Props) {
  const token = tokenFromHash();
  const { info, dead } = useLink<Invite>(api, "/invites/lookup", token);
  const { values, set, errors, error, busy, submit: sendWith } = useApiForm({ name: "", password: "" }, { idPrefix: "invite", fields: ["name", "password"], fallbackFocus: "password" });
  const submit = sendWith(async (v) => onSignedIn(await api.send<Session>("POST", "/invites/accept", { token, ...v, name: v.name || undefined })));

  return html`<main class="auth" id="main">
    <h1>${info ? t("link.join", { site: info.siteName }) : t("link.your_invitation")}</h1>
    ${dead ? html`<div class="card"><p role="alert">${dead}</p><p><a href="/admin">${t("link.go_sign_in")}</a></p></div>` : null}
    ${!info && !dead ? html`<p role="status">${t("common.loading")}</p>` : null}
    ${info &&
    html`<form class="card" noValidate onSubmit=${submit}>
      <p>${tParts(info.role === "owner" ? "link.invited_owner" : "link.invited_member", { site: info.siteName, email: html`<strong>${info.email}</strong>` })}
        ${info.hasAccount ? t("link.has_account") : t("link.choose_to_finish")}</p>
      ${info.hasAccount
        ? null
        : html`<${TextField} id="invite-name" label=${t("link.your_name")} value=${values.name} onValue=${set("name")} error=${errors.name} autocomplete="name" required />`}
      <${TextField} id="invite-password" label=${info.hasAccount ? t("link.your_password") : t("link.choose_password")} type="password" value=${values.password} onValue=${set("password")}
        error=${errors.password} autocomplete=${info.hasAccount ? "current-password" : "new-password"} required hint=${info.hasAccount ? undefined : t("link.password_hint")} />
      <${FormMessage} error=${error} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? t("link.joining") : t("link.join", { site: info.siteName })}</button></div>
    </form>`}
  </main>`;
}

/** `/admin/reset-password#token`: choose a new password; without a token, ask for a link. */
export function ResetPasswordPage({ api, onSignedIn }: Props) {
  const token = tokenFromHash();
  if (!token) return html`<${ForgotPasswordPage} api=${api} />`;
  return html`<${ChooseNewPassword} api=${api} token=${token} onSignedIn=${onSignedIn} />`;
}

function ChooseNewPassword({ api, token, onSignedIn }: Props & { token: string }) {
  const { info, dead } = useLink<{ email: string }>(api, "/password-reset/lookup", token);
  const { values, set, errors, error, busy, submit: sendWith } = useApiForm({ password: "" }, { idPrefix: "reset", fields: ["password"] });
  const submit = sendWith(async (v) => onSignedIn(await api.send<Session>("POST", "/password-reset/confirm", { token, ...v })));
  return html`<main class="auth" id="main">
    <h1>${t("link.new_password_title")}</h1>
    ${dead ? html`<div class="card"><p role="alert">${dead}</p><p><a href="/admin/reset-password">${t("link.ask_new_link")}</a></p></div>` : null}
    ${!info && !dead ? html`<p role="status">${t("common.loading")}</p>` : null}
    ${info &&
    html`<form class="card" noValidate onSubmit=${submit}>
      <p>${tParts("link.reset_for", { email: html`<strong>${info.email}</strong>` })}</p>
      <${TextField} id="reset-password" label=${t("link.new_password")} type="password" value=${values.password} onValue=${set("password")} error=${errors.password}
        autocomplete="new-password" required hint=${t("link.password_hint")} />
      <${FormMessage} error=${error} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? t("link.saving") : t("link.save_sign_in")}</button></div>
    </form>`}
  </main>`;
}
