import { html } from "htm/preact";
import { dir, lang, t } from "../i18n/translate.ts";
import type { ComponentChildren } from "preact";
import type { WidgetConfig } from "../../panel-host.ts";
import { wrapTab } from "../focus-trap.ts";
import { availabilityLine } from "../messages.ts";
import { intlReady } from "../format.ts";

type Props = { config: WidgetConfig; open: boolean; sheet: boolean; onClose: () => void; children: ComponentChildren };

/**
 * The dialog above the launcher. Below 480 px it is a full-screen sheet (`sheet`): modal, so
 * `aria-modal` is set and Tab wraps inside it. Once built (on intent, before the first click) it stays
 * mounted and laid out, `inert` and invisible when closed (the loader's `[inert]` rule), so a click only
 * reveals it and a half-typed form survives an accidental Escape. Focus moves in index.ts.
 * The owner's own words (name, greeting) take their direction from their text (`dir="auto"`): English
 * in an Arabic panel keeps its full stop on the right.
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
  return html`<section id="beckon-panel" class="panel" role="dialog" dir=${dir} lang=${lang} aria-modal=${sheet ? "true" : undefined} aria-labelledby="beckon-title"
    inert=${!open} onKeyDown=${onKeyDown}>
    <div class="head">
      ${owner?.photoUrl && html`<img class="photo" src=${owner.photoUrl} alt=${owner.firstName ? t("photoOf", { name: owner.firstName }) : t("photoOwner")} width="44" height="44" />`}
      <div class="who">
        <h2 id="beckon-title" dir="auto">${config.name || config.launcherLabel}</h2>
        ${owner?.firstName && html`<p class="small">${owner.firstName}${owner.trustLine && ` ${"·"} ${owner.trustLine}`}</p>`}
        ${!owner?.firstName && owner?.trustLine && html`<p class="small">${owner.trustLine}</p>`}
      </div>
      <button type="button" class="x" aria-label=${t("close")} onClick=${onClose}>${"×"}</button>
    </div>
    ${config.greeting && html`<p dir="auto">${config.greeting}</p>`}
    <p class="muted"><span class="dot${a.openNow ? " on" : ""}"></span>${availabilityLine(a, undefined, undefined, undefined, intlReady())}</p>
    ${children}
  </section>`;
}
