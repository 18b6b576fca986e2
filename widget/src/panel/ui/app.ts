import { html } from "htm/preact";
import type { WidgetConfig } from "../../panel-host.ts";
import type { Send } from "../../panel-host.ts";
import type { View, ViewState } from "../../panel-host.ts";
import { CallbackForm } from "./callback-form.ts";
import { ChannelList } from "./channel-list.ts";
import { ChatView } from "./chat-view.ts";
import type { ChatSession } from "../chat-session.ts";
import { MessageForm } from "./message-form.ts";
import { Panel } from "./panel.ts";

export type AppProps = {
  config: WidgetConfig;
  state: ViewState;
  view: View;
  /** Whether the panel is a full-screen sheet (a narrow screen). */
  sheet: boolean;
  /** Bumped after a finished request, so the next opening starts with a fresh form (and a fresh key). */
  round: number;
  send: Send;
  /** The chat, when the site offers it. */
  chat: ChatSession | null;
  /** Chat answers the shopper has not seen yet. */
  unread: number;
  onSubmitted: (channel: string, id: string) => void;
  onDone: () => void;
};

const FORMS: Record<string, typeof CallbackForm | typeof MessageForm> = { callback: CallbackForm, message: MessageForm };

/** The panel, showing the channel list or one channel's form. */
export function App({ config, state, view, sheet, round, send, chat, unread, onSubmitted, onDone }: AppProps) {
  const channel = state.channel;
  const Form = channel ? FORMS[channel] : undefined;
  const onBack = config.channels.length > 1 ? () => view.show(null) : undefined;
  return html`<${Panel} config=${config} open=${state.open} sheet=${sheet} onClose=${view.close}>
    ${channel === "chat" && chat
      ? state.open && html`<${ChatView} config=${config} session=${chat} onBack=${onBack} onSwitch=${view.show} />`
      : Form
      ? html`<${Form} key=${`${channel}${round}`} config=${config} send=${send} onDone=${onDone}
          onBack=${config.channels.length > 1 ? () => view.show(null) : undefined} onSwitch=${view.show}
          onSubmitted=${(id: string) => onSubmitted(channel!, id)} />`
      : html`<${ChannelList} channels=${config.channels} unread=${unread} onChoose=${view.show} />`}
  </${Panel}>`;
}
