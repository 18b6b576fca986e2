import { html } from "../html.ts";
import { Field } from "../ui/field.ts";
import { PHONE_COUNTRIES } from "./countries.ts";
import { t } from "../i18n/t.ts";
import { formatRegion, formatZone } from "../ui/format.ts";

type SelectProps = { id: string; label: string; value: string; onValue: (value: string) => void; error?: string | undefined; hint?: string };

function zones(current: string): string[] {
  const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set(["UTC", ...list, current].filter(Boolean))].sort((a, b) => (a === "UTC" ? -1 : b === "UTC" ? 1 : a.localeCompare(b)));
}

/** The browser's own time zone, as a sensible default for a new site. */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** A time zone picker (IANA names, as the server checks them). */
export function TimezoneSelect(p: SelectProps) {
  return html`<${Field} id=${p.id} label=${p.label} error=${p.error} hint=${p.hint}>
    ${(a11y: Record<string, unknown>) => html`<select ...${a11y} value=${p.value} onChange=${(e: Event) => p.onValue((e.currentTarget as HTMLSelectElement).value)}>
      ${zones(p.value).map((z) => html`<option value=${z}>${formatZone(z)}</option>`)}
    </select>`}
  <//>`;
}


/** The country a phone number without a +code is read in. */
export function CountrySelect(p: SelectProps) {
  const options = PHONE_COUNTRIES.map((code) => ({ code, name: formatRegion(code) })).sort((a, b) => a.name.localeCompare(b.name));
  return html`<${Field} id=${p.id} label=${p.label} error=${p.error} hint=${p.hint}>
    ${(a11y: Record<string, unknown>) => html`<select ...${a11y} value=${p.value} onChange=${(e: Event) => p.onValue((e.currentTarget as HTMLSelectElement).value)}>
      ${options.map((o) => html`<option value=${o.code}>${t("country.option", { name: o.name, code: o.code })}</option>`)}
    </select>`}
  <//>`;
}

/** A guess at the owner's country from the browser's language, e.g. en-GB -> GB; US otherwise. */
export function browserCountry(): string {
  const region = (navigator.language || "").split("-")[1]?.toUpperCase();
  return region && PHONE_COUNTRIES.includes(region) ? region : "US";
}
