import { html } from "htm/preact";
import type { WidgetConfig } from "../config.ts";
import type { View, ViewState } from "../view-state.ts";
import { CallbackForm, type Send } from "./callback-form.ts";
import { ChannelList } from "./channel-list.ts";
import { Launcher } from "./launcher.ts";
import { Panel } from "./panel.ts";

export type AppProps = {
  config: WidgetConfig;
  state: ViewState;
  view: View;
  /** False until the panel first opens: it is not built before the shopper asks (no work for the host page). */
  built: boolean;
  /** Bumped after a finished request, so the next opening starts with a fresh form (and a fresh key). */
  round: number;
  send: Send;
  onSubmitted: (channel: string, id: string) => void;
  onDone: () => void;
};

/** The whole widget: the launcher, and the panel showing the channel list or one channel. */
export function App({ config, state, view, built, round, send, onSubmitted, onDone }: AppProps) {
  const channel = state.channel;
  return html`<${Launcher} label=${config.launcherLabel} open=${state.open} onToggle=${view.toggle} />
    ${built &&
    html`<${Panel} config=${config} open=${state.open} onClose=${view.close}>
      ${channel === "callback"
        ? html`<${CallbackForm} key=${round} config=${config} send=${send} onDone=${onDone}
            onBack=${config.channels.length > 1 ? () => view.show(null) : undefined}
            onSubmitted=${(id: string) => onSubmitted(channel, id)} />`
        : html`<${ChannelList} channels=${config.channels} onChoose=${view.show} />`}
    </${Panel}>`}`;
}
