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

const CHANNELS = [
  { id: "callback", label: "Call me back", hint: "Shoppers leave a number and a time; you ring them." },
  { id: "message", label: "Send a message", hint: "Shoppers write; it reaches you by email and SMS." },
  { id: "chat", label: "Chat with us", hint: "Live while you have the inbox open in business hours; otherwise you answer by SMS reply or from the inbox." },
] as const;

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

  return html`<${SectionFrame} id="widget" title="Widget">
    <${TextField} id=${fieldId("launcherLabel")} label="Launcher label" value=${d.launcherLabel} onValue=${set("launcherLabel")}
      error=${err("launcherLabel")} hint="The words on the button in the corner of your pages." />
    <${TextField} id=${fieldId("greeting")} label="Greeting" multiline rows=${2} value=${d.greeting} onValue=${set("greeting")} error=${err("greeting")}
      hint="The first line shoppers read when they open the widget." />
    <fieldset>
      <legend>Personal touch</legend>
      <p class="hint">Shoppers answer a person more readily than a shop. All optional.</p>
      <${TextField} id=${fieldId("ownerFirstName")} label="Your first name" value=${d.ownerFirstName} onValue=${set("ownerFirstName")}
        error=${err("ownerFirstName")} autocomplete="given-name" />
      <${PhotoField} api=${props.api} view=${props.view} onSaved=${props.onSaved} />
      <${TextField} id=${fieldId("trustLine")} label="Trust line" value=${d.trustLine} onValue=${set("trustLine")} error=${err("trustLine")}
        hint="One short promise under your name, e.g. “I read every message myself.”" />
    </fieldset>
    <${TrustItemsField} saved=${s.trustItems} />
    <${AccentField} value=${d.accent} onValue=${set("accent")} error=${err("accent")} launcherLabel=${d.launcherLabel} position=${d.position} />
    <fieldset id=${fieldId("position")}>
      <legend>Position</legend>
      ${(["left", "right"] as const).map(
        (p) => html`<label class="check"><input type="radio" name="position" value=${p} checked=${d.position === p}
          onChange=${() => set("position")(p)} /> Bottom ${p}</label>`,
      )}
      ${err("position") ? html`<p class="field-error">${err("position")}</p>` : null}
    </fieldset>
    <${ColorSchemeField} value=${d.colorScheme} onValue=${set("colorScheme")} error=${err("colorScheme")} />
    <fieldset id=${fieldId("channels")}>
      <legend>Channels</legend>
      ${CHANNELS.map(
        (c) => html`<label class="check"><input type="checkbox" checked=${d.channels.includes(c.id)}
          onChange=${(e: Event) => toggleChannel(c.id, (e.currentTarget as HTMLInputElement).checked)} />
          <span>${c.label}<span class="check-hint">${c.hint}</span></span></label>`,
      )}
      ${d.channels.length === 0 ? html`<p class="warning">With no channel on, the widget has nothing to offer shoppers.</p>` : null}
      ${err("channels", true) ? html`<p class="field-error">${err("channels", true)}</p>` : null}
    </fieldset>
  <//>`;
}
