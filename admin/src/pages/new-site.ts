import { useState } from "preact/hooks";
import { CodeEntry, type PhoneStart } from "../accounts/phone-proof.ts";
import { html } from "../html.ts";
import { browserCountry, browserZone, CountrySelect, TimezoneSelect } from "../settings/zone-select.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { useApiForm } from "../ui/use-api-form.ts";
import { paths, type PageProps } from "./page.ts";
import { t } from "../i18n/t.ts";

const FIELDS = ["name", "ownerPhone", "timezone", "phoneCountry"] as const;

/** Adds a site to the owner's account, then shows its install page. */
export function NewSitePage({ api, navigate, refreshSession }: Omit<PageProps, "site">) {
  const { values: form, set, errors, error, busy, submit: sendWith } = useApiForm(
    { name: "", ownerPhone: "", timezone: browserZone(), phoneCountry: browserCountry() },
    { idPrefix: "new-site", fields: FIELDS },
  );
  const [proving, setProving] = useState<{ key: string; phone: Exclude<PhoneStart, { verified: true }> } | null>(null);
  const submit = sendWith(async (values) => {
    const { site, phone } = await api.send<{ site: { key: string; name: string }; phone: PhoneStart | null }>("POST", "/sites", { ...values, ownerPhone: values.ownerPhone.trim() || undefined });
    await refreshSession();
    if (phone && !phone.verified) setProving({ key: site.key, phone });
    else navigate(paths.install(site.key));
  });

  if (proving) {
    const done = () => navigate(paths.install(proving.key));
    return html`<div class="new-site">
      <h1>${t("new_site.prove_title")}</h1>
      <div class="card">
        <p>${t("new_site.prove_body")}</p>
        ${"code" in proving.phone
          ? html`<${CodeEntry} api=${api} code=${proving.phone.code} idPrefix="new-site" onProved=${done} />`
          : html`<p class="form-message form-error" role="alert">${proving.phone.error}</p>`}
        <p class="hint"><button type="button" class="link-button" onClick=${done}>${t("new_site.skip")}</button>${t("new_site.skip_after")}</p>
      </div>
    </div>`;
  }

  return html`<div class="new-site">
    <h1>${t("new_site.title")}</h1>
    <p class="lead">${t("new_site.lead")}</p>
    <form class="card" noValidate onSubmit=${submit}>
      <${TextField} id="new-site-name" label=${t("new_site.name")} value=${form.name} onValue=${set("name")} error=${errors.name} required
        hint=${t("new_site.name_hint")} autocomplete="organization" />
      <${TextField} id="new-site-ownerPhone" label=${t("new_site.phone")} type="tel" inputmode="tel" autocomplete="tel" value=${form.ownerPhone}
        onValue=${set("ownerPhone")} error=${errors.ownerPhone} hint=${t("new_site.phone_hint")} />
      <${TimezoneSelect} id="new-site-timezone" label=${t("new_site.zone")} value=${form.timezone} onValue=${set("timezone")} error=${errors.timezone} />
      <${CountrySelect} id="new-site-phoneCountry" label=${t("new_site.country")} value=${form.phoneCountry} onValue=${set("phoneCountry")}
        error=${errors.phoneCountry} hint=${t("new_site.country_hint")} />
      <${FormMessage} error=${error} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? t("new_site.adding") : t("new_site.add")}</button></div>
    </form>
  </div>`;
}
