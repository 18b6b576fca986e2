import { html } from "htm/preact";
import { Component, createRef } from "preact";
import {
  callbackBody,
  checkCallback,
  emptyValues,
  problemFrom,
  type CallbackAnswer,
  type CallbackBody,
  type CallbackValues,
  type Problem,
} from "../callback.ts";
import type { WidgetConfig } from "../config.ts";
import type { HttpResult } from "../http.ts";
import { newIdempotencyKey } from "../random-key.ts";
import { Consent } from "./consent.ts";
import { Field } from "./field.ts";
import { Success } from "./success.ts";
import { WhenField } from "./when-field.ts";

/** Sends one request; `key` is the form's Idempotency-Key. */
export type Send = (body: CallbackBody, key: string) => Promise<HttpResult<CallbackAnswer>>;

type Props = { config: WidgetConfig; send: Send; onBack: (() => void) | undefined; onSubmitted: (id: string) => void; onDone: () => void };
type State = { values: CallbackValues; problem: Problem; busy: boolean; answer: CallbackAnswer | null };

const noProblem: Problem = { fields: {}, alert: "" };

/**
 * "Call me back": name, phone, when, note, consent. The server's answer is authoritative.
 * A class rather than hooks: it is the only stateful component, and preact/hooks would cost ~1 KB gzip.
 */
export class CallbackForm extends Component<Props, State> {
  /** One key per form, reused by every retry until the server says yes: a retry never books twice. */
  declare key: string;
  /** Set synchronously: a second click can arrive before the busy state has rendered. */
  declare sending: boolean;
  declare form: ReturnType<typeof createRef<HTMLFormElement>>;

  constructor(props: Props) {
    super(props);
    this.state = { values: emptyValues(props.config.callback.slots[0]), problem: noProblem, busy: false, answer: null };
    this.key = newIdempotencyKey();
    this.sending = false;
    this.form = createRef();
  }

  set(patch: Partial<CallbackValues>) {
    this.setState(({ values }) => ({ values: { ...values, ...patch } }));
  }

  show(problem: Problem) {
    // After the render, move focus to the first control the shopper has to fix.
    this.setState({ problem, busy: false }, () => this.form.current?.querySelector<HTMLElement>("[aria-invalid]")?.focus());
  }

  async submit(event: Event) {
    event.preventDefault();
    if (this.sending) return;
    const { config, send, onSubmitted } = this.props;
    const { values } = this.state;
    const required = config.consent.required;
    const fields = checkCallback(values, required);
    if (Object.keys(fields).length) return this.show({ fields, alert: "" });
    this.sending = true;
    this.setState({ busy: true, problem: noProblem });
    const result = await send(callbackBody(values, required), this.key);
    this.sending = false;
    if (!result.ok) return this.show(problemFrom(result));
    this.setState({ answer: result.data, busy: false });
    onSubmitted(result.data.id);
  }

  render({ config, onBack, onDone }: Props, { values, problem, busy, answer }: State) {
    if (answer) return html`<${Success} name=${values.name} expect=${answer.expect} onDone=${onDone} />`;
    const errors = problem.fields;
    const set = (patch: Partial<CallbackValues>) => this.set(patch);
    return html`<form ref=${this.form} novalidate onSubmit=${(event: Event) => this.submit(event)}>
      ${onBack && html`<p><button type="button" class="back" onClick=${onBack}>Back</button></p>`}
      <${Field} id="name" label="Your name" autocomplete="name" maxlength="100" data-autofocus
        value=${values.name} error=${errors.name} onValue=${(name: string) => set({ name })} />
      <${Field} id="phone" type="tel" label="Phone number" autocomplete="tel" maxlength="40"
        value=${values.phone} error=${errors.phone} onValue=${(phone: string) => set({ phone })} />
      <${WhenField} when=${values.when} slot=${values.slot} slots=${config.callback.slots} error=${errors.when}
        onChange=${(when: "asap" | "pick", slot = values.slot) => set({ when, slot })} />
      <${Field} id="note" multiline optional label="What's it about?" maxlength="1000" rows="3"
        value=${values.note} error=${errors.note} onValue=${(note: string) => set({ note })} />
      <${Consent} text=${config.consent.text} required=${config.consent.required} checked=${values.consent} error=${errors.consent}
        onCheck=${(consent: boolean) => set({ consent })} />
      <div class="vh" aria-hidden="true">
        <label for="beckon-company">Company</label>
        <input id="beckon-company" name="company" tabindex="-1" autocomplete="off" aria-hidden="true"
          value=${values.company} onInput=${(event: Event) => set({ company: (event.currentTarget as HTMLInputElement).value })} />
      </div>
      <p class="alert" role="alert">${problem.alert}</p>
      <button class="primary" aria-disabled=${busy ? "true" : undefined}>${busy ? "Sending…" : "Call me back"}</button>
    </form>`;
  }
}
