import { html } from "htm/preact";
import type { Channel } from "../../panel-host.ts";

type Props = { channels: Channel[]; unread: number; onChoose: (id: string) => void };

/** One button per enabled channel ("Call me back", "Send a message"); "Chat with us" carries the unread count. */
export function ChannelList({ channels, unread, onChoose }: Props) {
  return html`<div>
    ${channels.map((channel, i) => {
      const count = channel.id === "chat" ? unread : 0;
      return html`<button type="button" class="ch" data-autofocus=${i === 0 || undefined} onClick=${() => onChoose(channel.id)}
        aria-label=${count ? `${channel.label}, ${count} new ${count === 1 ? "answer" : "answers"}` : undefined}>
        ${channel.label}${count > 0 && html` <span class="badge" aria-hidden="true">${count}</span>`}
      </button>`;
    })}
  </div>`;
}
