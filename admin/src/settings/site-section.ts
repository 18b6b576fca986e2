import { PhoneProof } from "../accounts/phone-proof.ts";
import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { t } from "../i18n/t.ts";

/** "Your site": the name shoppers and the inbox see, and the mobile number alerts go to. */
export function SiteSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("site");
  const [name, setName] = draft("name", props.view.site.name);
  const [phone, setPhone] = draft("phone", props.view.site.ownerPhone ?? "");
  contribute(() => ({ name, ownerPhone: phone.trim() || null }));

  return html`<${SectionFrame} id="site" title=${t("settings.section.site")}>
    <${TextField} id=${fieldId("name")} label=${t("site.display_name")} value=${name} onValue=${setName} error=${errorAt(state.errors, "name")}
      hint=${t("site.display_name_hint")} autocomplete="organization" />
    <${TextField} id=${fieldId("ownerPhone")} label=${t("site.owner_phone")} type="tel" value=${phone} onValue=${setPhone}
      error=${errorAt(state.errors, "ownerPhone")} autocomplete="tel" inputmode="tel"
      hint=${t("site.owner_phone_hint")} />
    ${phone.trim() && (phone.trim() !== (props.view.site.ownerPhone ?? "") || props.view.site.ownerPhoneProved === false)
      ? html`<${PhoneProof} api=${props.api} path=${`/sites/${encodeURIComponent(props.view.site.key)}/alert-phone`} phone=${phone} idPrefix="alert-phone"
          onProved=${(p: string) => { setPhone(p); props.onSaved({ ...props.view, site: { ...props.view.site, ownerPhone: p, ownerPhoneProved: true } }); }} />`
      : null}
  <//>`;
}
