import { useState } from "preact/hooks";
import { PhoneProof } from "../accounts/phone-proof.ts";
import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { SectionFrame, useSectionSave, type SectionProps } from "./section.ts";

/** "Your site": the name shoppers and the inbox see, and the mobile number alerts go to. */
export function SiteSection(props: SectionProps & { onRenamed: () => void }) {
  const { form, state, save } = useSectionSave(props);
  const [name, setName] = useState(props.view.site.name);
  const [phone, setPhone] = useState(props.view.site.ownerPhone ?? "");

  const submit = async () => {
    const saved = await save({ name, ownerPhone: phone.trim() || null });
    if (saved) {
      setPhone(saved.site.ownerPhone ?? "");
      if (saved.site.name !== props.view.site.name) props.onRenamed();
    }
  };

  return html`<${SectionFrame} id="site" title="Your site" form=${form} state=${state} onSubmit=${submit}>
    <${TextField} id=${fieldId("name")} label="Display name" value=${name} onValue=${setName} error=${errorAt(state.errors, "name")}
      hint="Shown in the widget and in emails to shoppers." autocomplete="organization" />
    <${TextField} id=${fieldId("ownerPhone")} label="Owner mobile number" type="tel" value=${phone} onValue=${setPhone}
      error=${errorAt(state.errors, "ownerPhone")} autocomplete="tel" inputmode="tel"
      hint="SMS alerts go to this number once its holder proves it with a texted code. Include the country code, or it is read as a number in the default phone country (see Call-backs)." />
    ${phone.trim() && (phone.trim() !== (props.view.site.ownerPhone ?? "") || props.view.site.ownerPhoneProved === false)
      ? html`<${PhoneProof} api=${props.api} path=${`/sites/${encodeURIComponent(props.view.site.key)}/alert-phone`} phone=${phone} idPrefix="alert-phone"
          onProved=${(p: string) => { setPhone(p); props.onSaved({ ...props.view, site: { ...props.view.site, ownerPhone: p, ownerPhoneProved: true } }); }} />`
      : null}
  <//>`;
}
