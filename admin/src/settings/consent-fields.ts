import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import type { SiteSettings } from "./types.ts";
import { t } from "../i18n/t.ts";

export type ConsentChannel = keyof SiteSettings["consent"];
type ChannelConsent = SiteSettings["consent"][ConsentChannel];

type Props = {
  channel: ConsentChannel;
  value: ChannelConsent;
  onValue: (value: ChannelConsent) => void;
  errors: Record<string, string>;
};

/** One channel's consent: whether shoppers must tick a box on that channel, and the box's wording. */
export function ConsentFields({ channel, value, onValue, errors }: Props) {
  const path = `consent.${channel}`;
  return html`<label class="check" id=${fieldId(`${path}.required`)}><input type="checkbox" checked=${value.required}
      onChange=${(e: Event) => onValue({ ...value, required: (e.currentTarget as HTMLInputElement).checked })} />
      <span>${t(`consent.tick.${channel}`)}
        <span class="check-hint">${t("consent.tick_hint")}</span></span></label>
    ${value.required &&
    html`<${TextField} id=${fieldId(`${path}.text`)} label=${t("consent.text")} multiline rows=${2} value=${value.text}
      onValue=${(text: string) => onValue({ ...value, text })} error=${errorAt(errors, `${path}.text`)} />`}`;
}
