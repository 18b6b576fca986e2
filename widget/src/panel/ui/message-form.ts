import { html } from "htm/preact";
import type { WidgetConfig } from "../../panel-host.ts";
import { parts, t } from "../i18n/translate.ts";
import { checkMessage, emptyMessage, isMessageField, messageBody, shopperTimeZone, type MessageValues } from "../message.ts";
import { replyLine, usuallyLine } from "../messages.ts";
import { Consent } from "./consent.ts";
import { ExtraField } from "./extra-field.ts";
import { Field } from "./field.ts";
import { Honeypot } from "./honeypot.ts";
import { OtherChannels } from "./other-channels.ts";
import { RequestForm, type RequestFormProps, type RequestFormState } from "./request-form.ts";
import { Success } from "./success.ts";
import { openPicker } from "../files/files-lib.ts";

type Props = RequestFormProps & { config: WidgetConfig };

/** "Send a message": name, email, topic, message, the site's extra fields, consent. The server's answer is authoritative. */
export class MessageForm extends RequestForm<MessageValues, Props> {
  get channel() {
    return "message";
  }

  constructor(props: Props) {
    super(props, emptyMessage());
  }

  check(values: MessageValues) {
    const { config } = this.props;
    return checkMessage(values, config.message.fields, config.consent.message.required);
  }

  body(values: MessageValues) {
    const { config } = this.props;
    return messageBody(values, config.message.fields, config.consent.message.required, shopperTimeZone());
  }

  has(field: string) {
    return isMessageField(this.props.config.message.fields)(field);
  }

  render({ config, onBack, onSwitch, onDone }: Props, { values, problem, busy, answer }: RequestFormState<MessageValues>) {
    if (answer) {
      // The address stays left to right inside a right-to-left sentence.
      const [key, vars] = replyLine(answer.reply);
      return html`<${Success} name=${values.name} line=${parts(key, { ...vars, email: html`<bdi>${values.email.trim()}</bdi>` })} onDone=${onDone} />`;
    }
    const errors = problem.fields;
    const set = (patch: Partial<MessageValues>) => this.set(patch);
    const usually = usuallyLine(config.availability.openNow, config.message.replyWithinHours);
    return html`<form ref=${this.form} novalidate onSubmit=${(event: Event) => this.submit(event)}>
      ${onBack && html`<p><button type="button" class="back" onClick=${onBack}>${t("goBack")}</button></p>`}
      ${usually && html`<p class="small">${usually}</p>`}
      <${Field} id="name" label=${t("name")} autocomplete="name" maxlength="100" data-autofocus
        value=${values.name} error=${errors.name} onValue=${(name: string) => set({ name })} />
      <${Field} id="email" type="email" dir="ltr" label=${t("email")} autocomplete="email" maxlength="200"
        value=${values.email} error=${errors.email} onValue=${(email: string) => set({ email })} />
      <${Field} id="topic" optional label=${t("topic")} maxlength="150"
        value=${values.topic} error=${errors.topic} onValue=${(topic: string) => set({ topic })} />
      <${Field} id="message" multiline label=${t("yourMessage")} maxlength="5000" rows="4"
        value=${values.message} error=${errors.message} onValue=${(message: string) => set({ message })} />
      ${config.message.fields.map(
        (field) => html`<${ExtraField} key=${field.id} field=${field} value=${values.fields[field.id]} error=${errors[`fields.${field.id}`]}
          onValue=${(value: string | boolean) => this.setState(({ values: v }) => ({ values: { ...v, fields: { ...v.fields, [field.id]: value } } }))} />`,
      )}
      <div><button type="button" class="back" onClick=${(e: Event) => (this.files ??= openPicker((e.currentTarget as Element).parentNode as HTMLElement))}>${t("attach")}</button></div>
      <${Consent} consent=${config.consent.message} privacy=${config.consent.privacy}
        checked=${values.consent} error=${errors.consent} onCheck=${(consent: boolean) => set({ consent })} />
      <${Honeypot} name=${this.trap} value=${values.company} onValue=${(company: string) => set({ company })} />
      <p class="alert" role="alert">${problem.alert}</p>
      ${problem.limited && html`<${OtherChannels} channels=${config.channels} current=${this.channel} onChoose=${onSwitch} />`}
      <button class="primary" aria-disabled=${busy ? "true" : undefined}>${t(busy ? "sending" : "sendMessage")}</button>
    </form>`;
  }
}
