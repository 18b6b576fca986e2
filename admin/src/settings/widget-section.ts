import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { AccentField } from "./accent-field.ts";
import { ColorSchemeField } from "./color-scheme-field.ts";
import { normalizeHex } from "./accent.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { PhotoField } from "./photo-field.ts";
import { TrustItemsField } from "./trust-items-field.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import type { SiteSettings } from "./types.ts";
import { t } from "../i18n/t.ts";

const CHANNELS = ["callback", "message", "chat"] as const;

/** "Widget": what shoppers see — labels, the personal touch, colour, position, channels. */
export function WidgetSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("widget");
  const s = props.view.settings;
  const [d, setD] = draft("look", {
    launcherLabel: s.launcherLabel,
    greeting: s.greeting,
    ownerFirstName: s.ownerFirstName ?? "",
    trustLine: s.trustLine ?? "",
    accent: s.accent,
    position: s.position,
    colorScheme: s.colorScheme ?? "auto",
    channels: s.channels,
  });
  const set = <K extends keyof typeof d>(key: K) => (value: (typeof d)[K]) => setD((prev) => ({ ...prev, [key]: value }));
  const err = (path: string, nested = false) => errorAt(state.errors, path, nested);

  contribute(() => {
    const settings: Partial<SiteSettings> = {
      ...d,
      accent: normalizeHex(d.accent) ?? d.accent,
      ownerFirstName: d.ownerFirstName.trim() || null,
      trustLine: d.trustLine.trim() || null,
    };
    return { settings };
  });
  // Channels this page does not list (added by a newer server) are kept as they are.
  const toggleChannel = (id: SiteSettings["channels"][number], on: boolean) =>
    set("channels")(on ? [...d.channels.filter((c) => c !== id), id] : d.channels.filter((c) => c !== id));

  return html`<${SectionFrame} id="widget" title=${t("settings.section.widget")}>
    <${TextField} id=${fieldId("launcherLabel")} label=${t("widget.launcher_label")} value=${d.launcherLabel} onValue=${set("launcherLabel")}
      error=${err("launcherLabel")} hint=${t("widget.launcher_label_hint")} />
    <${TextField} id=${fieldId("greeting")} label=${t("widget.greeting")} multiline rows=${2} value=${d.greeting} onValue=${set("greeting")} error=${err("greeting")}
      hint=${t("widget.greeting_hint")} />
    <fieldset>
      <legend>${t("widget.personal")}</legend>
      <p class="hint">${t("widget.personal_hint")}</p>
      <${TextField} id=${fieldId("ownerFirstName")} label=${t("widget.first_name")} value=${d.ownerFirstName} onValue=${set("ownerFirstName")}
        error=${err("ownerFirstName")} autocomplete="given-name" />
      <${PhotoField} api=${props.api} view=${props.view} onSaved=${props.onSaved} />
      <${TextField} id=${fieldId("trustLine")} label=${t("widget.trust_line")} value=${d.trustLine} onValue=${set("trustLine")} error=${err("trustLine")}
        hint=${t("widget.trust_line_hint")} />
    </fieldset>
    <${TrustItemsField} saved=${s.trustItems} />
    <${AccentField} value=${d.accent} onValue=${set("accent")} error=${err("accent")} launcherLabel=${d.launcherLabel} position=${d.position} />
    <fieldset id=${fieldId("position")}>
      <legend>${t("widget.position")}</legend>
      ${(["left", "right"] as const).map(
        (p) => html`<label class="check"><input type="radio" name="position" value=${p} checked=${d.position === p}
          onChange=${() => set("position")(p)} /> ${t(`widget.position.${p}`)}</label>`,
      )}
      ${err("position") ? html`<p class="field-error">${err("position")}</p>` : null}
    </fieldset>
    <${ColorSchemeField} value=${d.colorScheme} onValue=${set("colorScheme")} error=${err("colorScheme")} />
    <fieldset id=${fieldId("channels")}>
      <legend>${t("widget.channels")}</legend>
      ${CHANNELS.map(
        (c) => html`<label class="check"><input type="checkbox" checked=${d.channels.includes(c)}
          onChange=${(e: Event) => toggleChannel(c, (e.currentTarget as HTMLInputElement).checked)} />
          <span>${t(`widget.channel.${c}`)}<span class="check-hint">${t(`widget.channel.${c}_hint`)}</span></span></label>`,
      )}
      ${d.channels.length === 0 ? html`<p class="warning">${t("widget.no_channel")}</p>` : null}
      ${err("channels", true) ? html`<p class="field-error">${err("channels", true)}</p>` : null}
    </fieldset>
  <//>`;
}
