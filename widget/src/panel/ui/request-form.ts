import { Component, createRef } from "preact";
import { noProblem, problemFrom, type FieldErrors, type Problem } from "../form.ts";
import type { Attached, Send, SubmissionAnswer } from "../../panel-host.ts";
import { newIdempotencyKey } from "../random-key.ts";
import type { Identity } from "../../shared/shop.ts";

/** `onSwitch`: shows another channel (offered after a 429). */
export type RequestFormProps = { who?: Identity | undefined; send: Send; onBack: (() => void) | undefined; onSwitch?: (channel: string) => void; onSubmitted: (id: string) => void; onDone: () => void };
export type RequestFormState<V> = { values: V; problem: Problem; busy: boolean; answer: SubmissionAnswer | null };

/**
 * What both forms do alike: keep the values, check, send once with the form's Idempotency-Key, show the
 * server's errors at their fields and move focus to the first one. Subclasses give the channel, the checks,
 * the body and the markup. A class rather than hooks: preact/hooks would cost ~1 KB gzip.
 */
export abstract class RequestForm<V, P extends RequestFormProps> extends Component<P, RequestFormState<V>> {
  /**
   * One key per form, reused by every retry until the server says yes: a retry never books twice. Made at
   * the first send, not when the form is drawn: a page's first crypto.randomUUID() costs some ms of the click.
   */
  declare key: string | undefined;
  /** Set synchronously: a second click can arrive before the busy state has rendered. */
  declare sending: boolean;
  declare form: ReturnType<typeof createRef<HTMLFormElement>>;
  /** The honeypot input's name: unguessable, so browsers have nothing to autofill it from. */
  declare trap: string;
  /** The message form's files picker, once "Add a photo or PDF" was pressed (widget-files.js is imported then). */
  declare files: Promise<Attached | undefined> | undefined;

  abstract channel: string;
  /** Required fields left empty. */
  abstract check(values: V): FieldErrors;
  abstract body(values: V): object;
  /** Whether a server error for `field` has a place in this form. */
  abstract has(field: string): boolean;

  constructor(props: P, values: V) {
    super(props);
    // A shopper the page identified is not asked again for what it told us (issue #12).
    const who = props.who as Record<string, unknown> | undefined;
    for (const k of ["name", "email", "phone"]) if (typeof who?.[k] == "string") (values as Record<string, unknown>)[k] = who[k];
    this.state = { values, problem: noProblem, busy: false, answer: null };
    this.sending = false;
    this.form = createRef();
    this.trap = `b${Math.random().toString(36).slice(2)}`;
  }

  set(patch: Partial<V>) {
    this.setState(({ values }) => ({ values: { ...values, ...patch } }));
  }

  show(problem: Problem) {
    // After the render, move focus to the first control the shopper has to fix.
    this.setState({ problem, busy: false }, () => this.form.current?.querySelector<HTMLElement>("[aria-invalid]")?.focus());
  }

  async submit(event: Event) {
    event.preventDefault();
    if (this.sending) return;
    const { values } = this.state;
    const fields = this.check(values);
    if (Object.keys(fields).length) return this.show({ fields, alert: "" });
    this.sending = true;
    this.setState({ busy: true, problem: noProblem });
    const result = await this.props.send(`${this.channel}s`, this.body(values), (this.key ??= newIdempotencyKey()), await this.files) /* callbacks, messages */;
    this.sending = false;
    if (!result.ok) return this.show(problemFrom(result, (field) => this.has(field)));
    this.setState({ answer: result.data, busy: false });
    this.props.onSubmitted(result.data.id);
  }
}
