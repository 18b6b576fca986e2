import { html } from "htm/preact";
import type { Channel } from "../config.ts";

type Props = { channels: Channel[]; onChoose: (id: string) => void };

/** One button per enabled channel ("Call me back", "Send a message"). */
export function ChannelList({ channels, onChoose }: Props) {
  return html`<div>
    ${channels.map(
      (channel, i) =>
        html`<button type="button" class="ch" data-autofocus=${i === 0 || undefined} onClick=${() => onChoose(channel.id)}>${channel.label}</button>`,
    )}
  </div>`;
}
