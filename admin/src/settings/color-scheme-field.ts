import { html } from "../html.ts";
import { Field } from "../ui/field.ts";
import { fieldId } from "./field-errors.ts";
import type { SiteSettings } from "./types.ts";
import { t } from "../i18n/t.ts";

type Scheme = SiteSettings["colorScheme"];
const SCHEMES = ["auto", "light", "dark"] as const;

/** The widget panel's colours: the shopper's system setting, or always light or dark. */
export function ColorSchemeField({ value, onValue, error }: { value: Scheme; onValue: (value: Scheme) => void; error?: string | undefined }) {
  return html`<${Field} id=${fieldId("colorScheme")} label=${t("scheme.label")} hint=${t("scheme.hint")} error=${error}>
    ${(a11y: Record<string, string | undefined>) => html`<select ...${a11y} value=${value} onChange=${(e: Event) => onValue((e.currentTarget as HTMLSelectElement).value as Scheme)}>
      ${SCHEMES.map((s) => html`<option value=${s} selected=${value === s}>${t(`scheme.${s}`)}</option>`)}
    </select>`}
  <//>`;
}
