import { useState } from "preact/hooks";
import { CodeEntry, type PhoneStart } from "../accounts/phone-proof.ts";
import { html } from "../html.ts";
import { browserCountry, browserZone, CountrySelect, TimezoneSelect } from "../settings/zone-select.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { useApiForm } from "../ui/use-api-form.ts";
import { paths, type PageProps } from "./page.ts";

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
      <h1>Prove the alert number</h1>
      <div class="card">
        <p>The site is ready. Its SMS alerts start once the number's holder enters the code texted to it.</p>
        ${"code" in proving.phone
          ? html`<${CodeEntry} api=${api} code=${proving.phone.code} idPrefix="new-site" onProved=${done} />`
          : html`<p class="form-message form-error" role="alert">${proving.phone.error}</p>`}
        <p class="hint"><button type="button" class="link-button" onClick=${done}>Skip for now</button> — prove it later under Settings.</p>
      </div>
    </div>`;
  }

  return html`<div class="new-site">
    <h1>Add a site</h1>
    <p class="lead">Another shop or brand with its own widget, inbox and settings.</p>
    <form class="card" noValidate onSubmit=${submit}>
      <${TextField} id="new-site-name" label="Site name" value=${form.name} onValue=${set("name")} error=${errors.name} required
        hint="As shoppers should see it, e.g. Fern & Thistle." autocomplete="organization" />
      <${TextField} id="new-site-ownerPhone" label="Owner mobile number" type="tel" inputmode="tel" autocomplete="tel" value=${form.ownerPhone}
        onValue=${set("ownerPhone")} error=${errors.ownerPhone} hint="Optional: SMS alerts for this site go here, once proved with a code we text to it. You can add it later." />
      <${TimezoneSelect} id="new-site-timezone" label="Time zone" value=${form.timezone} onValue=${set("timezone")} error=${errors.timezone} />
      <${CountrySelect} id="new-site-phoneCountry" label="Phone country" value=${form.phoneCountry} onValue=${set("phoneCountry")}
        error=${errors.phoneCountry} hint="Numbers typed without a +country code are read as numbers in this country." />
      <${FormMessage} error=${error} />
      <div class="actions"><button type="submit" disabled=${busy}>${busy ? "Adding…" : "Add site"}</button></div>
    </form>
  </div>`;
}
