import { html } from "htm/preact";
import type { ComponentChildren } from "preact";
import type { WidgetConfig } from "../../panel-host.ts";
import { wrapTab } from "../focus-trap.ts";
import { availabilityLine } from "../messages.ts";

type Props = { config: WidgetConfig; open: boolean; sheet: boolean; onClose: () => void; children: ComponentChildren };

/**
 * The dialog above the launcher. Below 480 px it is a full-screen sheet (`sheet`): modal, so
 * `aria-modal` is set and Tab wraps inside it. Once built it stays mounted, hidden when closed, so a
 * half-typed form survives an accidental Escape. Focus moves in panel.ts.
 * Non-ASCII text goes in as ${"…"}: esbuild must keep tagged templates' raw bytes, but escapes plain strings.
 */
export function Panel({ config, open, sheet, onClose, children }: Props) {
  const a = config.availability;
  const owner = config.owner;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") return onClose();
    const panel = event.currentTarget as HTMLElement;
    if (sheet) wrapTab(event, panel, (panel.getRootNode() as ShadowRoot).activeElement);
  };
  return html`<section id="beckon-panel" class="panel" role="dialog" aria-modal=${sheet ? "true" : undefined} aria-labelledby="beckon-title"
    hidden=${!open} onKeyDown=${onKeyDown}>
    <div class="head">
      ${owner?.photoUrl && html`<img class="photo" src=${owner.photoUrl} alt=${owner.firstName ? `Photo of ${owner.firstName}` : "Photo of the owner"} width="44" height="44" />`}
      <div class="who">
        <h2 id="beckon-title">${config.name || config.launcherLabel}</h2>
        ${owner?.firstName && html`<p class="small">${owner.firstName}${owner.trustLine && ` ${"·"} ${owner.trustLine}`}</p>`}
        ${!owner?.firstName && owner?.trustLine && html`<p class="small">${owner.trustLine}</p>`}
      </div>
      <button type="button" class="x" aria-label="Close" onClick=${onClose}>${"×"}</button>
    </div>
    ${config.greeting && html`<p>${config.greeting}</p>`}
    <p class="muted"><span class="dot${a.openNow ? " on" : ""}"></span>${availabilityLine(a)}</p>
    ${children}
  </section>`;
}
