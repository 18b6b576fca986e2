import { html } from "htm/preact";
import { Component } from "preact";
import { lang, parts, t } from "../i18n/translate.ts";
import { asciiDigits, flag, loadPhoneLib, type PhoneLib } from "../phone/phone-lib.ts";
import { fieldError } from "./field.ts";
import { intlReady, regionNames } from "../format.ts";

type Props = { value: string; country: string; error: string | undefined; onValue: (phone: string, country: string) => void };
type State = { lib: PhoneLib | null };

/**
 * The phone number with its country: a native <select> (flag, the country's name in the shopper's
 * language, dialling code; type-ahead and arrow keys work as in any select) and the number, left to
 * right even in a right-to-left panel. libphonenumber-js (widget-phone.js) is imported on the first
 * focus of either: it fills the list, formats the number as it is typed and gives the hint's example.
 */
export class PhoneField extends Component<Props, State> {
  // Methods and a constructor, not class fields: fields would pull a defineProperty helper into the panel.
  constructor(props: Props) {
    super(props);
    this.state = { lib: null };
  }

  load() {
    if (!this.state.lib) loadPhoneLib().then((lib) => this.setState({ lib }), () => {});
  }

  input(event: Event) {
    const field = event.currentTarget as HTMLInputElement;
    const { lib } = this.state;
    let text = asciiDigits(field.value);
    // Formatting only while typing at the end, so an edit in the middle keeps its caret.
    if (lib && field.selectionStart === field.value.length && !(event as InputEvent).inputType?.startsWith("delete")) text = lib.format(text, this.props.country);
    if (text !== field.value) field.value = text;
    this.props.onValue(text, this.props.country);
  }

  render({ value, country, error, onValue }: Props, { lib }: State) {
    // The first frame shows the country's code alone: the names' data and the emoji font of the flags
    // (each slow on a page's first use) come with the draw just after it (format.ts, intlReady).
    const ready = intlReady();
    const names = ready ? regionNames() : undefined;
    const name = (c: string) => names?.of(c) ?? c;
    const list = lib ? lib.countries().sort((a, b) => name(a[0]).localeCompare(name(b[0]), lang)) : [[country, ""]];
    const example = lib?.example(country);
    const described = [example && "beckon-phone-hint", error && "beckon-phone-error"].filter(Boolean).join(" ");
    return html`<div class="field">
      <label for="beckon-phone">${t("phone")}</label>
      <div class="tel">
        <select id="beckon-country" class="text" aria-label=${t("country")} value=${country} onFocus=${() => this.load()}
          onChange=${(event: Event) => onValue(value, (event.currentTarget as HTMLSelectElement).value)}>
          ${list.map(([c, code]) => html`<option value=${c}>${ready && `${flag(c!)} `}${name(c!)}${code && ` +${code}`}</option>`)}
        </select>
        <input id="beckon-phone" name="phone" type="tel" dir="ltr" class="text" autocomplete="tel" maxlength="40" required value=${value}
          aria-invalid=${error ? "true" : undefined} aria-describedby=${described || undefined} onFocus=${() => this.load()} onInput=${(e: Event) => this.input(e)} />
      </div>
      ${example && html`<p id="beckon-phone-hint" class="small">${parts("phoneHint", { country: name(country), example: html`<bdi dir="ltr">${example}</bdi>` })}</p>`}
      ${fieldError("phone", error)}
    </div>`;
  }
}
