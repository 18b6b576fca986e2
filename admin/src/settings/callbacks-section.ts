import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { CountrySelect } from "./zone-select.ts";
import { ConsentFields } from "./consent-fields.ts";

/** "Call-backs": how shoppers' numbers are read, the privacy line under every form, and call-back consent. */
export function CallbacksSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("callbacks");
  const s = props.view.settings;
  const [phoneCountry, setPhoneCountry] = draft("phoneCountry", s.phoneCountry);
  const [privacyLine, setPrivacyLine] = draft("privacyLine", s.privacyLine);
  const [consent, setConsent] = draft("consent", s.consent.callback);
  const [texts, setTexts] = draft("texts", s.shopperSms.enabled);
  const [cap, setCap] = draft("cap", String(s.shopperSms.dailyCap));
  const [countries, setCountries] = draft("countries", s.shopperSms.countries.join(", "));
  const err = (path: string) => errorAt(state.errors, path);

  contribute(() => ({
    settings: {
      phoneCountry,
      privacyLine,
      // Only this section's channel: the page fills in the others as saved (see mergeContributions).
      consent: { ...s.consent, callback: consent },
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
