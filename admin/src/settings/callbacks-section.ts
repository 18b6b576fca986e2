import { useState } from "preact/hooks";
import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { SectionFrame, useSectionSave, type SectionProps } from "./section.ts";
import { CountrySelect } from "./zone-select.ts";

/** "Call-backs": how shoppers' numbers are read, and the consent line under the form. */
export function CallbacksSection(props: SectionProps) {
  const { form, state, save } = useSectionSave(props);
  const s = props.view.settings;
  const [phoneCountry, setPhoneCountry] = useState(s.phoneCountry);
  const [consentText, setConsentText] = useState(s.consentText);
  const [consentRequired, setConsentRequired] = useState(s.consentRequired);
  const err = (path: string) => errorAt(state.errors, path);

  return html`<${SectionFrame} id="callbacks" title="Call-backs" form=${form} state=${state}
    onSubmit=${() => save({ settings: { phoneCountry, consentText, consentRequired } })}>
    <${CountrySelect} id=${fieldId("phoneCountry")} label="Default phone country" value=${phoneCountry} onValue=${setPhoneCountry}
      error=${err("phoneCountry")} hint="Numbers typed without a +country code are read as numbers in this country." />
    <${TextField} id=${fieldId("consentText")} label="Consent text" multiline rows=${2} value=${consentText} onValue=${setConsentText}
      error=${err("consentText")} hint="Shown next to the phone number field." />
    <label class="check" id=${fieldId("consentRequired")}><input type="checkbox" checked=${consentRequired}
      onChange=${(e: Event) => setConsentRequired((e.currentTarget as HTMLInputElement).checked)} />
      <span>Shoppers must tick a box to agree before asking for a call back</span></label>
  <//>`;
}
