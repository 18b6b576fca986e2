import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import type { PageProps } from "./page.ts";

type Member = { id: number; name: string; email: string; role: "owner" | "member" };

/** Who can work this site's inbox, and (for owners) adding someone. */
export function MembersPage({ api, site }: PageProps) {
  const base = `/sites/${encodeURIComponent(site.key)}/members`;
  const [members, setMembers] = useState<Member[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [form, setForm] = useState({ name: "", email: "", password: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  useEffect(() => {
    api.get<{ members: Member[] }>(base).then((r) => setMembers(r.members), (err: Error) => setLoadError(err.message));
  }, [site.key]);

  const add = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setMessage({});
    // Name and password only matter for a new account; an email alone adds an existing one.
    const body = form.name || form.password ? form : { email: form.email };
    try {
      const r = await api.send<{ members: Member[] }>("POST", base, body);
      setMembers(r.members);
      setForm({ name: "", email: "", password: "" });
      setMessage({ success: `Added ${body.email}. They can sign in at ${location.origin}/admin.` });
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors(fields);
      setMessage({ error: err instanceof Error ? err.message : String(err) });
      const first = ["name", "email", "password"].find((k) => fields[k]);
      if (first) document.getElementById(`member-${first}`)?.focus();
    } finally {
      setBusy(false);
    }
  };

  return html`<div class="members">
    <h1>Members</h1>
    <p class="lead">Everyone here can read and answer this site's inbox. Only owners change its settings and add people.</p>
    <section class="card" aria-labelledby="members-title">
      <h2 id="members-title">People</h2>
      ${loadError ? html`<p class="form-message form-error" role="alert">${loadError}</p>` : null}
      ${!members && !loadError ? html`<p role="status">Loading…</p>` : null}
      ${members &&
      html`<ul class="member-list">
        ${members.map((m) => html`<li><span class="member-name">${m.name}</span> <span class="muted">${m.email}</span>
          <span class=${m.role === "owner" ? "badge badge-returning" : "badge"}>${m.role === "owner" ? "Owner" : "Member"}</span></li>`)}
      </ul>`}
    </section>
    ${site.role === "owner"
      ? html`<section class="card" aria-labelledby="add-member-title">
          <h2 id="add-member-title">Add someone</h2>
          <p class="hint">Already has a Beckon account here? Enter just their email. Otherwise give a name and a first password (10 characters or more) and pass them on safely.</p>
          <form noValidate onSubmit=${add}>
            <${TextField} id="member-email" label="Email" type="email" autocomplete="off" value=${form.email} onValue=${set("email")} error=${errors.email} />
            <${TextField} id="member-name" label="Name (new account)" autocomplete="off" value=${form.name} onValue=${set("name")} error=${errors.name} />
            <${TextField} id="member-password" label="Password (new account)" type="password" autocomplete="new-password"
              value=${form.password} onValue=${set("password")} error=${errors.password} />
            <${FormMessage} error=${message.error} success=${message.success} />
            <div class="actions"><button type="submit" disabled=${busy}>${busy ? "Adding…" : "Add member"}</button></div>
          </form>
        </section>`
      : null}
  </div>`;
}
