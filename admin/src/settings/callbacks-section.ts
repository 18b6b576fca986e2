import { useState } from "preact/hooks";
import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { SectionFrame, useSectionSave, type SectionProps } from "./section.ts";
import { CountrySelect } from "./zone-select.ts";
import { ConsentFields } from "./consent-fields.ts";

/** "Call-backs": how shoppers' numbers are read, the privacy line under every form, and call-back consent. */
export function CallbacksSection(props: SectionProps) {
  const { form, state, save } = useSectionSave(props);
  const s = props.view.settings;
  const [phoneCountry, setPhoneCountry] = useState(s.phoneCountry);
  const [privacyLine, setPrivacyLine] = useState(s.privacyLine);
  const [consent, setConsent] = useState(s.consent.callback);
  const [texts, setTexts] = useState(s.shopperSms.enabled);
  const [cap, setCap] = useState(String(s.shopperSms.dailyCap));
  const [countries, setCountries] = useState(s.shopperSms.countries.join(", "));
  const err = (path: string) => errorAt(state.errors, path);

  return html`<${SectionFrame} id="callbacks" title="Call-backs" form=${form} state=${state}
    onSubmit=${() =>
      save({
        settings: {
          phoneCountry,
          privacyLine,
          // The other channels' consent as last saved: each section owns its own channel.
          consent: { ...props.view.settings.consent, callback: consent },
          shopperSms: {
            enabled: texts,
            dailyCap: Number(cap),
            // The server checks each code; this only shapes the list.
            countries: countries.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean) as typeof s.shopperSms.countries,
          },
        },
      })}>
    <${CountrySelect} id=${fieldId("phoneCountry")} label="Default phone country" value=${phoneCountry} onValue=${setPhoneCountry}
      error=${err("phoneCountry")} hint="Numbers typed without a +country code are read as numbers in this country." />
    <${TextField} id=${fieldId("privacyLine")} label="Privacy line" multiline rows=${2} value=${privacyLine} onValue=${setPrivacyLine}
      error=${err("privacyLine")} hint="Small print under every form in the widget (call-backs, messages and chat)." />
    <${ConsentFields} channel="callback" before="to calls and texts before asking for a call back" value=${consent} onValue=${setConsent} errors=${state.errors} />
    <label class="check" id=${fieldId("shopperSms.enabled")}><input type="checkbox" checked=${texts}
      onChange=${(e: Event) => setTexts((e.currentTarget as HTMLInputElement).checked)} />
      <span>Text shoppers who agreed: one confirmation, and one notice if we miss them
        <span class="check-hint">Each text has a link to cancel. Shoppers who did not tick the consent box are never texted.</span></span></label>
    ${texts &&
    html`<${TextField} id=${fieldId("shopperSms.dailyCap")} label="At most this many texts to shoppers a day" type="number" inputmode="numeric"
        value=${cap} onValue=${setCap} error=${err("shopperSms.dailyCap")} />
      <${TextField} id=${fieldId("shopperSms.countries")} label="Only to numbers in these countries" value=${countries} onValue=${setCountries}
        error=${errorAt(state.errors, "shopperSms.countries", true)} hint=${`Country codes, e.g. US, CA. Empty: only ${phoneCountry}. This keeps the form from being used to send costly texts abroad.`} />`}
  <//>`;
}
