import { html } from "htm/preact";
import type { ComponentChildren } from "preact";
import type { WidgetConfig } from "../config.ts";
import { availabilityLine } from "../messages.ts";

type Props = { config: WidgetConfig; open: boolean; onClose: () => void; children: ComponentChildren };

/**
 * The dialog above the launcher (a full-screen sheet on small screens). Once built it stays mounted,
 * hidden when closed, so a half-typed form survives an accidental Escape. Focus moves in widget.ts.
 * Non-ASCII text goes in as ${"…"}: esbuild must keep tagged templates' raw bytes, but escapes plain strings.
 */
export function Panel({ config, open, onClose, children }: Props) {
  const a = config.availability;
  return html`<section id="beckon-panel" class="panel" role="dialog" aria-labelledby="beckon-title" hidden=${!open}
    onKeyDown=${(event: KeyboardEvent) => event.key === "Escape" && onClose()}>
    <div class="head">
      <h2 id="beckon-title">${config.name || config.launcherLabel}</h2>
      <button type="button" class="x" aria-label="Close" onClick=${onClose}>${"×"}</button>
    </div>
    ${config.greeting && html`<p>${config.greeting}</p>`}
    <p class="muted"><span class="dot${a.openNow ? " on" : ""}"></span>${availabilityLine(a)}</p>
    ${children}
  </section>`;
}
