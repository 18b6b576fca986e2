import { html } from "htm/preact";
import { t } from "../i18n/translate.ts";
import { Component, createRef } from "preact";
import type { ChatSession, ChatState } from "../chat-session.ts";
import type { WidgetConfig } from "../../panel-host.ts";
import { chatStatusLine } from "../chat-text.ts";
import { formatTime } from "../format.ts";
import { Consent } from "./consent.ts";
import { Field } from "./field.ts";
import { Honeypot } from "./honeypot.ts";
import { OtherChannels } from "./other-channels.ts";
import { Later } from "../extras/later.ts";
import { openPicker } from "../files/files-lib.ts";
import type { Picker } from "../files/files-chunk.ts";

type Props = { config: WidgetConfig; session: ChatSession; onBack: (() => void) | undefined; onSwitch?: (channel: string) => void };
type State = { chat: ChatState; name: string; email: string; draft: string; company: string; emailSaved: boolean; consent: boolean; consentError: string };


/**
 * "Chat with us": the first line starts the chat (name and email optional); then the lines, live, and
 * a box to write more. Enter sends, Shift+Enter starts a new line. A class, like the forms, to keep
 * preact/hooks out of the bundle.
 */
export class ChatView extends Component<Props, State> {
  declare stop: () => void;
  declare log: ReturnType<typeof createRef<HTMLDivElement>>;
  declare trap: string;
  /** The files picker, once "Attach" was pressed (widget-files.js is imported then). */
  declare files: Promise<Picker | undefined> | undefined;
  declare box: ReturnType<typeof createRef<HTMLDivElement>>;

  constructor(props: Props) {
    super(props);
    this.state = { chat: props.session.state, name: "", email: "", draft: "", company: "", emailSaved: false, consent: false, consentError: "" };
    this.log = createRef();
    this.box = createRef();
    this.trap = `b${Math.random().toString(36).slice(2)}`;
  }

  override componentDidMount() {
    const { session } = this.props;
    this.stop = session.subscribe(() => this.setState({ chat: session.state }));
    session.setVisible(true);
    void session.resume();
  }

  override componentWillUnmount() {
    this.stop();
    this.props.session.setVisible(false);
  }

  override componentDidUpdate() {
    const log = this.log.current;
    if (log) log.scrollTop = log.scrollHeight;
  }

  async send(event: Event) {
    event.preventDefault();
    const { session } = this.props;
    const { chat, draft, name, email, company, consent } = this.state;
    const form = (event.target as Element).closest("form");
    const body = draft.trim();
    const picker = await this.files;
    const files = picker?.count();
    if (!body && !files) return;
    if (chat.started) {
      this.setState({ draft: "" });
      return files ? session.attach(picker!, body) : session.say(body);
    }
    // Chat's own consent: only when the site asks for a tick before a chat.
    const required = this.props.config.consent.chat.required;
    if (required && !consent) {
      return this.setState({ consentError: t("chatConsent") }, () => form?.querySelector<HTMLElement>("#beckon-consent")?.focus());
    }
    this.setState({ consentError: "" });
    if (await session.start({ name, email, message: body || "📎", company, ...(required && { consent }) })) {
      this.setState({ draft: "", emailSaved: !!email.trim() });
      files && session.attach(picker!, "");
    }
  }

  keyDown(event: KeyboardEvent) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) this.send(event);
  }

  render({ config, session, onBack, onSwitch }: Props, { chat, name, email, draft, company, emailSaved, consent, consentError }: State) {
    const errors = chat.problem.fields;
    const owner = config.owner?.firstName || config.name;
    // "Seen" goes under the shopper's newest line that the owner has had open.
    const seen = chat.lines.reduce((k, l) => (l.author === "shopper" && l.id && l.id <= (chat.ownerSeen ?? 0) ? l.key : k), "");
    return html`<div class="chat">
      ${onBack && html`<p><button type="button" class="back" onClick=${onBack}>${t("goBack")}</button></p>`}
      <p class="small">${chatStatusLine(config, chat.started ? chat.ownerAvailable : !!config.availability.chatLive)}</p>
      ${chat.started &&
      html`<div class="lines" role="log" aria-label=${t("conversation")} ref=${this.log}><ol>
        ${chat.lines.map(
          (l) => html`<li key=${l.key} class=${`line ${l.author}`}>
            <span class="small">${l.author === "owner" ? l.by || owner : t("you")}, ${formatTime(l.at)}</span>
            <span class="body">${l.body}</span>
            ${l.files?.map((f) => html`<a class="file" href=${session.file(f.id)} target="_blank">${f.image ? html`<img src=${session.file(f.id, 1)} alt=${f.name} />` : f.name}</a>`)}
            ${l.state === "sending" && html`<span class="small">${t("sending")}</span>`}
            ${l.key === seen && html`<span class="small">${t("seen")}</span>`}
            ${l.state === "failed" && html`<span class="err">${t("notSent")} <button type="button" class="back" onClick=${() => session.retry(l.key)}>${t("retry")}</button></span>`}
          </li>`,
        )}
      </ol></div><p class="small" aria-live="polite">${chat.typing && t("typing", { name: owner })}</p><${Later} session=${session} chat=${chat} config=${config} emailSaved=${emailSaved} />`}
      <form novalidate onSubmit=${(e: Event) => this.send(e)}>
        ${!chat.started &&
        html`<${Field} id="name" optional label=${t("name")} autocomplete="name" maxlength="100"
            value=${name} error=${errors.name} onValue=${(v: string) => this.setState({ name: v })} />
          ${!config.availability.chatLive &&
          html`<${Field} id="email" optional type="email" dir="ltr" label=${t("chatEmail")} autocomplete="email" maxlength="200"
            value=${email} error=${errors.email} onValue=${(v: string) => this.setState({ email: v })} />`}`}
        <${Field} id="message" multiline label=${t(chat.started ? "yourMessage" : "howHelp")} maxlength="2000" rows="2" data-autofocus
          value=${draft} error=${errors.message} onValue=${(v: string) => (this.setState({ draft: v }), session.typing())} onKeyDown=${(e: KeyboardEvent) => this.keyDown(e)} />
        ${!chat.started &&
        html`<${Consent} consent=${config.consent.chat} privacy=${config.consent.privacy} checked=${consent} error=${consentError || errors.consent}
          onCheck=${(v: boolean) => this.setState({ consent: v, consentError: "" })} />`}
        ${!chat.started && html`<${Honeypot} name=${this.trap} value=${company} onValue=${(v: string) => this.setState({ company: v })} />`}
        <div ref=${this.box}><button type="button" class="back" onClick=${() => (this.files ??= openPicker(this.box.current!))}>${t("attach")}</button></div>
        <p class="alert" role="alert">${chat.problem.alert}</p>
        ${chat.problem.limited && html`<${OtherChannels} channels=${config.channels} current="chat" onChoose=${onSwitch} />`}
        <button class="primary" aria-disabled=${chat.busy ? "true" : undefined}>${t(chat.started ? "send" : chat.busy ? "starting" : "startChat")}</button>
      </form>
    </div>`;
  }
}
