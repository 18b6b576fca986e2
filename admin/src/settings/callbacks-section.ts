import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { CountrySelect } from "./zone-select.ts";

/** "Call-backs": how shoppers' numbers are read, and the consent line under the form. */
export function CallbacksSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("callbacks");
  const s = props.view.settings;
  const [phoneCountry, setPhoneCountry] = draft("phoneCountry", s.phoneCountry);
  const [consentText, setConsentText] = draft("consentText", s.consentText);
  const [consentRequired, setConsentRequired] = draft("consentRequired", s.consentRequired);
  const [texts, setTexts] = draft("texts", s.shopperSms.enabled);
  const [cap, setCap] = draft("cap", String(s.shopperSms.dailyCap));
  const [countries, setCountries] = draft("countries", s.shopperSms.countries.join(", "));
  const err = (path: string) => errorAt(state.errors, path);

  contribute(() => ({
    settings: {
      phoneCountry,
      consentText,
      consentRequired,
      shopperSms: {
        enabled: texts,
        dailyCap: Number(cap),
        // The server checks each code; this only shapes the list.
        countries: countries.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter(Boolean) as typeof s.shopperSms.countries,
      },
    },
  }));

  return html`<${SectionFrame} id="callbacks" title="Call-backs">
    <${CountrySelect} id=${fieldId("phoneCountry")} label="Default phone country" value=${phoneCountry} onValue=${setPhoneCountry}
      error=${err("phoneCountry")} hint="Numbers typed without a +country code are read as numbers in this country." />
    <${TextField} id=${fieldId("consentText")} label="Consent text" multiline rows=${2} value=${consentText} onValue=${setConsentText}
      error=${err("consentText")} hint="Shown next to the phone number field." />
    <label class="check" id=${fieldId("consentRequired")}><input type="checkbox" checked=${consentRequired}
      onChange=${(e: Event) => setConsentRequired((e.currentTarget as HTMLInputElement).checked)} />
      <span>Shoppers must tick a box to agree before asking for a call back</span></label>
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
