import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { PhoneProof } from "../accounts/phone-proof.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import type { PageProps } from "./page.ts";
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
  const setRole = (m: Member, role: Role) => act(() => api.send<Team>("PATCH", `${base}/members/${m.id}`, { role }), `${m.name} is now ${role === "owner" ? "an owner" : "a member"}.`);
  const remove = (m: Member) => {
    if (!confirm(`Remove ${m.name} from ${site.name}? They lose its inbox at once.`)) return;
    void act(() => api.send<Team>("DELETE", `${base}/members/${m.id}`), `${m.name} was removed.`);
  };
  const withdraw = (i: Invite) => act(() => api.send<Team>("DELETE", `${base}/invites/${i.id}`), `The invitation to ${i.email} was withdrawn.`);

  return html`<div class="members">
    <h1>Members</h1>
    <p class="lead">Everyone here can read and answer this site's inbox. Only owners change its settings and invite or remove people.</p>
    <${FormMessage} error=${message.error} success=${message.success} />
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">People</h2>
      ${loadError ? html`<p class="form-message form-error" role="alert">${loadError}</p>` : null}
      ${!team && !loadError ? html`<p role="status">Loading…</p>` : null}
      ${team &&
      html`<ul class="member-list">
        ${team.members.map(
          (m) => html`<li><span class="member-name">${m.name}</span> <span class="muted">${m.email}</span>
            ${m.smsAlerts ? html`<span class="badge">SMS alerts</span>` : null}
            ${owner
              ? html`<label><span class="visually-hidden">Role of ${m.name}</span>
                  <select value=${m.role} onChange=${(e: Event) => setRole(m, (e.currentTarget as HTMLSelectElement).value as Role)}>
                    <option value="owner">Owner</option><option value="member">Member</option></select></label>
                  ${m.id === session.user.id ? null : html`<button type="button" class="link-button" onClick=${() => remove(m)}>Remove<span class="visually-hidden"> ${m.name}</span></button>`}`
              : html`<span class=${m.role === "owner" ? "badge badge-returning" : "badge"}>${m.role === "owner" ? "Owner" : "Member"}</span>`}
          </li>`,
        )}
      </ul>`}
      ${team && owner && team.invites.length
        ? html`<h3>Invited, not joined yet</h3><ul class="member-list">
            ${team.invites.map(
              (i) => html`<li><span class="member-name">${i.email}</span> <span class="muted">as ${i.role}, link works until ${new Date(i.expiresAt).toLocaleString()}</span>
                <button type="button" class="link-button" onClick=${() => withdraw(i)}>Withdraw<span class="visually-hidden"> the invitation to ${i.email}</span></button></li>`,
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
      setSuccess(`Invitation sent to ${r.invited}. The link in it works once, for 48 hours; they choose their own password.`);
    } catch (err) {
      setError({ field: err instanceof ApiError ? err.fields.email : undefined, message: err instanceof Error ? err.message : String(err) });
      document.getElementById("member-email")?.focus();
    } finally {
      setBusy(false);
    }
  };
  return html`<section class="card" aria-labelledby="add-member-title">
    <h2 id="add-member-title">Invite someone</h2>
    <p class="hint">We email them a link to join ${siteName}. New to Beckon, they choose their own password; with an account here already, they sign in with it.</p>
    <form noValidate onSubmit=${submit}>
      <${TextField} id="member-email" label="Email" type="email" autocomplete="off" value=${email} onValue=${setEmail} error=${error.field} />
      <div class="field"><label for="member-role">Role</label>
        <select id="member-role" value=${role} onChange=${(e: Event) => setRole((e.currentTarget as HTMLSelectElement).value as Role)}>
          <option value="member">Member: works the inbox</option><option value="owner">Owner: also settings and people</option></select></div>
      <${FormMessage} error=${error.message} success=${success} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? "Sending…" : "Send invitation"}</button></div>
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
    <h2 id="my-alerts-title">Your SMS alerts</h2>
    ${phone
      ? html`<p role="status">New requests on ${siteName} are also texted to you at ${phone}.</p>
          <div class="actions"><button type="button" class="secondary" onClick=${stop}>Stop my SMS alerts</button></div>`
      : html`<p class="hint">Get this site's new requests by SMS on your own mobile too. We text it a code first, to be sure it is yours.</p>
          <${TextField} id="my-alerts-phone" label="Your mobile number" type="tel" inputmode="tel" autocomplete="tel" value=${typed} onValue=${setTyped} />
          <${PhoneProof} api=${api} path=${`${base}/my-alerts`} phone=${typed} idPrefix="my-alerts" onProved=${(p: string) => { setTyped(""); onChange(p); }} />`}
    <${FormMessage} error=${error} />
  </section>`;
}
