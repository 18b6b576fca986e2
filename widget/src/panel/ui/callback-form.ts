import { html } from "htm/preact";
import { t } from "../i18n/translate.ts";
import { callbackBody, checkCallback, emptyValues, isCallbackField, type CallbackValues } from "../callback.ts";
import type { WidgetConfig } from "../../panel-host.ts";
import { expectLine } from "../messages.ts";
import { Consent } from "./consent.ts";
import { Field } from "./field.ts";
import { Honeypot } from "./honeypot.ts";
import { OtherChannels } from "./other-channels.ts";
import { RequestForm, type RequestFormProps, type RequestFormState } from "./request-form.ts";
import { Success } from "./success.ts";
import { likelyCountry } from "../phone/phone-lib.ts";
import { PhoneField } from "./phone-field.ts";
import { WhenField } from "./when-field.ts";

type Props = RequestFormProps & { config: WidgetConfig };

/** "Call me back": name, phone, when, note, consent. The server's answer is authoritative. */
export class CallbackForm extends RequestForm<CallbackValues, Props> {
  get channel() {
    return "callback";
  }

  constructor(props: Props) {
    // The country: the region of the shopper's languages, else of the page's, else the site's own.
    super(props, emptyValues(props.config.callback.slots[0], likelyCountry([...navigator.languages, document.documentElement.lang], props.config.country)));
  }

  check(values: CallbackValues) {
    return checkCallback(values, this.props.config.consent.callback.required);
  }

  body(values: CallbackValues) {
    return callbackBody(values, this.props.config.consent.callback.required);
  }

  has(field: string) {
    return isCallbackField(field);
  }

  render({ config, onBack, onSwitch, onDone }: Props, { values, problem, busy, answer }: RequestFormState<CallbackValues>) {
    if (answer) return html`<${Success} name=${values.name} line=${expectLine(answer.expect)} onDone=${onDone} />`;
    const errors = problem.fields;
    const set = (patch: Partial<CallbackValues>) => this.set(patch);
    return html`<form ref=${this.form} novalidate onSubmit=${(event: Event) => this.submit(event)}>
      ${onBack && html`<p><button type="button" class="back" onClick=${onBack}>${t("goBack")}</button></p>`}
      <${Field} id="name" label=${t("name")} autocomplete="name" maxlength="100" data-autofocus
        value=${values.name} error=${errors.name} onValue=${(name: string) => set({ name })} />
      <${PhoneField} value=${values.phone} country=${values.country} error=${errors.phone}
        onValue=${(phone: string, country: string) => set({ phone, country })} />
      <${WhenField} when=${values.when} slot=${values.slot} slots=${config.callback.slots} error=${errors.when}
        onChange=${(when: "asap" | "pick", slot = values.slot) => set({ when, slot })} />
      <${Field} id="note" multiline optional label=${t("about")} maxlength="1000" rows="3"
        value=${values.note} error=${errors.note} onValue=${(note: string) => set({ note })} />
      <${Consent} consent=${config.consent.callback} privacy=${config.consent.privacy}
        checked=${values.consent} error=${errors.consent} onCheck=${(consent: boolean) => set({ consent })} />
      <${Honeypot} name=${this.trap} value=${values.company} onValue=${(company: string) => set({ company })} />
      <p class="alert" role="alert">${problem.alert}</p>
      ${problem.limited && html`<${OtherChannels} channels=${config.channels} current=${this.channel} onChoose=${onSwitch} />`}
      <button class="primary" aria-disabled=${busy ? "true" : undefined}>${t(busy ? "sending" : "callMe")}</button>
    </form>`;
  }
}
