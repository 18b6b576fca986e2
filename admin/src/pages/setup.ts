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
import { t } from "../i18n/t.ts";

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
      <h1>${t("setup.prove_title")}</h1>
      <div class="card">
        <p>${t("setup.prove_body")}</p>
        ${"code" in proving.phone
          ? html`<${CodeEntry} api=${api} code=${proving.phone.code} idPrefix="setup" onProved=${done} />`
          : html`<p class="form-message form-error" role="alert">${proving.phone.error}</p>`}
        <p class="hint"><button type="button" class="link-button" onClick=${done}>${t("setup.skip")}</button>${t("setup.skip_after")}</p>
      </div>
    </main>`;
  }

  return html`<main class="auth" id="main">
    <h1>${t("setup.title")}</h1>
    <p>${t("setup.lead")}</p>
    <form class="card" noValidate onSubmit=${submit}>
      <h2>${t("setup.you")}</h2>
      <${TextField} id="setup-name" label=${t("setup.name")} value=${form.name} onValue=${set("name")} error=${errors.name} autocomplete="name" required />
      <${TextField} id="setup-email" label=${t("setup.email")} type="email" value=${form.email} onValue=${set("email")} error=${errors.email} autocomplete="email" required
        hint=${t("setup.email_hint")} />
      <${TextField} id="setup-password" label=${t("setup.password")} type="password" value=${form.password} onValue=${set("password")} error=${errors.password}
        autocomplete="new-password" required hint=${t("setup.password_hint")} />
      <h2>${t("setup.shop")}</h2>
      <${TextField} id="setup-siteName" label=${t("setup.shop_name")} value=${form.siteName} onValue=${set("siteName")} error=${errors.siteName} autocomplete="organization" required
        hint=${t("setup.shop_name_hint")} />
      <${TextField} id="setup-ownerPhone" label=${t("setup.phone")} type="tel" inputmode="tel" autocomplete="tel" value=${form.ownerPhone}
        onValue=${set("ownerPhone")} error=${errors.ownerPhone} required hint=${t("setup.phone_hint")} />
      <${TimezoneSelect} id="setup-timezone" label=${t("setup.zone")} value=${form.timezone} onValue=${set("timezone")} error=${errors.timezone}
        hint=${t("setup.zone_hint")} />
      <${CountrySelect} id="setup-phoneCountry" label=${t("setup.country")} value=${form.phoneCountry} onValue=${set("phoneCountry")} error=${errors.phoneCountry}
        hint=${t("setup.country_hint")} />
      <${FormMessage} error=${error} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? t("setup.setting_up") : t("setup.create")}</button></div>
    </form>
  </main>`;
}
