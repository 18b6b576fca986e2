import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { CountrySelect } from "./zone-select.ts";
import { ConsentFields } from "./consent-fields.ts";
import { t } from "../i18n/t.ts";

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

  return html`<${SectionFrame} id="callbacks" title=${t("settings.section.callbacks")}>
    <${CountrySelect} id=${fieldId("phoneCountry")} label=${t("callbacks.country")} value=${phoneCountry} onValue=${setPhoneCountry}
      error=${err("phoneCountry")} hint=${t("callbacks.country_hint")} />
    <${TextField} id=${fieldId("privacyLine")} label=${t("callbacks.privacy")} multiline rows=${2} value=${privacyLine} onValue=${setPrivacyLine}
      error=${err("privacyLine")} hint=${t("callbacks.privacy_hint")} />
    <${ConsentFields} channel="callback" value=${consent} onValue=${setConsent} errors=${state.errors} />
    <label class="check" id=${fieldId("shopperSms.enabled")}><input type="checkbox" checked=${texts}
      onChange=${(e: Event) => setTexts((e.currentTarget as HTMLInputElement).checked)} />
      <span>${t("callbacks.texts")}
        <span class="check-hint">${t("callbacks.texts_hint")}</span></span></label>
    ${texts &&
    html`<${TextField} id=${fieldId("shopperSms.dailyCap")} label=${t("callbacks.cap")} type="number" inputmode="numeric"
        value=${cap} onValue=${setCap} error=${err("shopperSms.dailyCap")} />
      <${TextField} id=${fieldId("shopperSms.countries")} label=${t("callbacks.countries")} value=${countries} onValue=${setCountries}
        error=${errorAt(state.errors, "shopperSms.countries", true)} hint=${t("callbacks.countries_hint", { country: phoneCountry })} />`}
  <//>`;
}
