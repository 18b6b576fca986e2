import { html } from "htm/preact";
import type { Channel } from "../../panel-host.ts";

type Props = { channels: Channel[]; current: string; onChoose: ((id: string) => void) | undefined };

/** After "too many requests" on one channel: the site's other ways in, one tap each. */
export function OtherChannels({ channels, current, onChoose }: Props) {
  const others = channels.filter((c) => c.id !== current);
  if (!onChoose || !others.length) return null;
  return html`<div class="others">
    <p class="small">Or reach us another way:</p>
    ${others.map((c) => html`<button type="button" class="ch" onClick=${() => onChoose(c.id)}>${c.label}</button>`)}
  </div>`;
}
