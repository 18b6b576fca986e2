import { useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { CodeEntry, type PhoneStart } from "../accounts/phone-proof.ts";
import { html } from "../html.ts";
import { navigate } from "../router.ts";
import type { Session } from "../session.ts";
import { browserCountry, browserZone, CountrySelect, TimezoneSelect } from "../settings/zone-select.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { useApiForm } from "../ui/use-api-form.ts";
import { paths } from "./page.ts";

const DEMO_SITE = "demo";
const FIELDS = ["name", "email", "password", "siteName", "ownerPhone", "timezone", "phoneCountry"] as const;

/** First run: the owner's account and first site, then straight into the inbox. */
export function SetupPage({ api, onSignedIn }: { api: Api; onSignedIn: (session: Session) => void }) {
  const { values: form, set, errors, error, busy, submit: sendWith } = useApiForm(
    { name: "", email: "", password: "", siteName: "", ownerPhone: "", timezone: browserZone(), phoneCountry: browserCountry() },
    { idPrefix: "setup", fields: FIELDS },
  );
  // After the account exists: prove the mobile number with the texted code, then into the inbox.
  const [proving, setProving] = useState<{ session: Session; phone: Exclude<PhoneStart, { verified: true }> } | null>(null);
  const finish = (session: Session, siteName: string) => {
    // Land in the shop just set up (the owner also owns the demo site, which may sort first).
    const mine = session.sites.find((s) => s.key !== DEMO_SITE && s.name === siteName.trim()) ?? session.sites.find((s) => s.key !== DEMO_SITE);
    if (mine) navigate(paths.inbox(mine.key), { replace: true });
    onSignedIn(session);
  };
  const submit = sendWith(async (values) => {
    const session = await api.send<Session & { phone: PhoneStart }>("POST", "/setup", values);
    api.setCsrfToken(session.csrfToken);
    if (session.phone.verified) finish(session, values.siteName);
    else setProving({ session, phone: session.phone });
  });

  if (proving) {
    const done = () => finish(proving.session, form.siteName);
    return html`<main class="auth" id="main">
      <h1>Prove your mobile number</h1>
      <div class="card">
        <p>Your account is ready. New requests are texted to your mobile only once you show it is yours.</p>
        ${"code" in proving.phone
          ? html`<${CodeEntry} api=${api} code=${proving.phone.code} idPrefix="setup" onProved=${done} />`
          : html`<p class="form-message form-error" role="alert">${proving.phone.error}</p>`}
        <p class="hint"><button type="button" class="link-button" onClick=${done}>Skip for now</button> — you can prove it later under Settings; until then no SMS alerts are sent.</p>
      </div>
    </main>`;
  }

  return html`<main class="auth" id="main">
    <h1>Welcome to Beckon</h1>
    <p>Set up your account and your shop. It takes a minute; you can change all of it later.</p>
    <form class="card" noValidate onSubmit=${submit}>
      <h2>You</h2>
      <${TextField} id="setup-name" label="Your name" value=${form.name} onValue=${set("name")} error=${errors.name} autocomplete="name" required />
      <${TextField} id="setup-email" label="Email" type="email" value=${form.email} onValue=${set("email")} error=${errors.email} autocomplete="email" required
        hint="You sign in with it; new messages are emailed here." />
      <${TextField} id="setup-password" label="Password" type="password" value=${form.password} onValue=${set("password")} error=${errors.password}
        autocomplete="new-password" required hint="At least 10 characters." />
      <h2>Your shop</h2>
      <${TextField} id="setup-siteName" label="Shop name" value=${form.siteName} onValue=${set("siteName")} error=${errors.siteName} autocomplete="organization" required
        hint="As shoppers should see it." />
      <${TextField} id="setup-ownerPhone" label="Your mobile number" type="tel" inputmode="tel" autocomplete="tel" value=${form.ownerPhone}
        onValue=${set("ownerPhone")} error=${errors.ownerPhone} required hint="New requests are texted to this number once you enter the code we text to it." />
      <${TimezoneSelect} id="setup-timezone" label="Time zone" value=${form.timezone} onValue=${set("timezone")} error=${errors.timezone}
        hint="Your business hours and all times in the inbox use it." />
      <${CountrySelect} id="setup-phoneCountry" label="Phone country" value=${form.phoneCountry} onValue=${set("phoneCountry")} error=${errors.phoneCountry}
        hint="Numbers typed without a +country code are read as numbers in this country." />
      <${FormMessage} error=${error} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? "Setting up…" : "Create my account"}</button></div>
    </form>
  </main>`;
}
