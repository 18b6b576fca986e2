import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { PhoneProof } from "../accounts/phone-proof.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import type { PageProps } from "./page.ts";
import { t } from "../i18n/t.ts";
import { formatLocalDateTime } from "../ui/format.ts";
import { ThisDeviceSection } from "../push/this-device.ts";

type Role = "owner" | "member";
type Member = { id: number; name: string; email: string; role: Role; smsAlerts: boolean };
type Invite = { id: number; email: string; role: Role; expiresAt: string };
type Team = { members: Member[]; invites: Invite[]; myAlertPhone: string | null };

/** Who can work this site's inbox; owners invite, change roles and remove; everyone picks their own SMS alerts. */
export function MembersPage({ api, site, session }: PageProps) {
  const base = `/sites/${encodeURIComponent(site.key)}`;
  const owner = site.role === "owner";
  const [team, setTeam] = useState<Team | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  useEffect(() => {
    api.get<Team>(`${base}/members`).then(setTeam, (err: Error) => setLoadError(err.message));
  }, [site.key]);

  const act = async (send: () => Promise<Team>, success: string) => {
    setMessage({});
    try {
      setTeam(await send());
      setMessage({ success });
    } catch (err) {
      setMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  const setRole = (m: Member, role: Role) => act(() => api.send<Team>("PATCH", `${base}/members/${m.id}`, { role }), t(role === "owner" ? "members.now_owner" : "members.now_member", { name: m.name }));
  const remove = (m: Member) => {
    if (!confirm(t("members.remove_confirm", { name: m.name, site: site.name }))) return;
    void act(() => api.send<Team>("DELETE", `${base}/members/${m.id}`), t("members.removed", { name: m.name }));
  };
  const withdraw = (i: Invite) => act(() => api.send<Team>("DELETE", `${base}/invites/${i.id}`), t("members.withdrawn", { email: i.email }));

  return html`<div class="members">
    <h1>${t("members.title")}</h1>
    <p class="lead">${t("members.lead")}</p>
    <${FormMessage} error=${message.error} success=${message.success} />
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">${t("members.people")}</h2>
      ${loadError ? html`<p class="form-message form-error" role="alert">${loadError}</p>` : null}
      ${!team && !loadError ? html`<p role="status">${t("common.loading")}</p>` : null}
      ${team &&
      html`<ul class="member-list">
        ${team.members.map(
          (m) => html`<li><span class="member-name" data-user-text>${m.name}</span> <span class="muted" data-user-text>${m.email}</span>
            ${m.smsAlerts ? html`<span class="badge">${t("members.sms_alerts")}</span>` : null}
            ${owner
              ? html`<label><span class="visually-hidden">${t("members.role_of", { name: m.name })}</span>
                  <select value=${m.role} onChange=${(e: Event) => setRole(m, (e.currentTarget as HTMLSelectElement).value as Role)}>
                    <option value="owner">${t("members.owner")}</option><option value="member">${t("members.member")}</option></select></label>
                  ${m.id === session.user.id ? null : html`<button type="button" class="link-button" onClick=${() => remove(m)}>${t("members.remove")}<span class="visually-hidden" data-user-text> ${m.name}</span></button>`}`
              : html`<span class=${m.role === "owner" ? "badge badge-returning" : "badge"}>${m.role === "owner" ? t("members.owner") : t("members.member")}</span>`}
          </li>`,
        )}
      </ul>`}
      ${team && owner && team.invites.length
        ? html`<h3>${t("members.invited")}</h3><ul class="member-list">
            ${team.invites.map(
              (i) => html`<li><span class="member-name" data-user-text>${i.email}</span> <span class="muted">${t(i.role === "owner" ? "members.invite_as_owner" : "members.invite_as_member", { when: formatLocalDateTime(i.expiresAt) })}</span>
                <button type="button" class="link-button" onClick=${() => withdraw(i)}>${t("members.withdraw")}<span class="visually-hidden">${t("members.withdraw_what", { email: i.email })}</span></button></li>`,
            )}
          </ul>`
        : null}
    </section>
    ${owner ? html`<${InviteForm} api=${api} base=${base} siteName=${site.name} onTeam=${setTeam} />` : null}
    ${team ? html`<${MyAlerts} api=${api} base=${base} siteName=${site.name} phone=${team.myAlertPhone} onChange=${(myAlertPhone: string | null) => setTeam({ ...team, myAlertPhone })} />` : null}
    <${ThisDeviceSection} api=${api} siteKey=${site.key} />
  </div>`;
}

function InviteForm({ api, base, siteName, onTeam }: { api: PageProps["api"]; base: string; siteName: string; onTeam: (t: Team) => void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [error, setError] = useState<{ field?: string; message?: string }>({});
  const [success, setSuccess] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError({});
    setSuccess(null);
    try {
      const r = await api.send<Team & { invited: string }>("POST", `${base}/members`, { email, role });
      onTeam(r);
      setEmail("");
      setSuccess(t("members.invite_sent", { email: r.invited }));
    } catch (err) {
      setError({ field: err instanceof ApiError ? err.fields.email : undefined, message: err instanceof Error ? err.message : String(err) });
      document.getElementById("member-email")?.focus();
    } finally {
      setBusy(false);
    }
  };
  return html`<section class="card" aria-labelledby="add-member-title">
    <h2 id="add-member-title">${t("members.invite_title")}</h2>
    <p class="hint">${t("members.invite_hint", { site: siteName })}</p>
    <form noValidate onSubmit=${submit}>
      <${TextField} id="member-email" label=${t("members.email")} type="email" autocomplete="off" value=${email} onValue=${setEmail} error=${error.field} />
      <div class="field"><label for="member-role">${t("members.role")}</label>
        <select id="member-role" value=${role} onChange=${(e: Event) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
          <option value="member">${t("members.role_member")}</option><option value="owner">${t("members.role_owner")}</option></select></div>
      <${FormMessage} error=${error.message} success=${success} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? t("common.sending") : t("members.send_invitation")}</button></div>
    </form>
  </section>`;
}

/** Your own SMS alerts for this site, on a number you prove with a texted code. */
function MyAlerts({ api, base, siteName, phone, onChange }: { api: PageProps["api"]; base: string; siteName: string; phone: string | null; onChange: (p: string | null) => void }) {
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const stop = async () => {
    try {
      await api.send("DELETE", `${base}/my-alerts`);
      onChange(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return html`<section class="card" aria-labelledby="my-alerts-title">
    <h2 id="my-alerts-title">${t("members.my_alerts")}</h2>
    ${phone
      ? html`<p role="status">${t("members.my_alerts_on", { site: siteName, phone })}</p>
          <div class="actions"><button type="button" class="secondary" onClick=${stop}>${t("members.stop_alerts")}</button></div>`
      : html`<p class="hint">${t("members.my_alerts_hint")}</p>
          <${TextField} id="my-alerts-phone" label=${t("members.my_phone")} type="tel" inputmode="tel" autocomplete="tel" value=${typed} onValue=${setTyped} />
          <${PhoneProof} api=${api} path=${`${base}/my-alerts`} phone=${typed} idPrefix="my-alerts" onProved=${(p: string) => { setTyped(""); onChange(p); }} />`}
    <${FormMessage} error=${error} />
  </section>`;
}
