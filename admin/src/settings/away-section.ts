import { html } from "../html.ts";
import { Field, TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { formatInZone, fromZonedInput, toZonedInput } from "./zoned-time.ts";
import { t } from "../i18n/t.ts";

/** "Away mode": closed until a date, with a message; entered in the site's time zone. */
export function AwaySection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("away");
  const s = props.view.settings;
  const zone = s.timezone;
  const stillAway = !!s.awayUntil && new Date(s.awayUntil) > new Date();
  const [on, setOn] = draft("on", stillAway);
  const [until, setUntil] = draft("until", stillAway ? toZonedInput(s.awayUntil!, zone) : "");
  const [message, setMessage] = draft("message", s.awayMessage ?? "");
  const err = (path: string) => errorAt(state.errors, path);

  contribute(() => {
    const awayMessage = message.trim() || null;
    if (!on) return { settings: { awayUntil: null, awayMessage } };
    const awayUntil = fromZonedInput(until, zone);
    if (!awayUntil) return { reject: { awayUntil: t("away.back_required") } };
    if (new Date(awayUntil) <= new Date()) return { reject: { awayUntil: t("away.future") } };
    return { settings: { awayUntil, awayMessage } };
  });

  const current = props.view.settings.awayUntil;
  return html`<${SectionFrame} id="away" title=${t("settings.section.away")}
    intro=${html`<p class="muted">${t("away.intro")}</p>
      <p class="away-now" role="status">${current && new Date(current) > new Date() ? t("away.now", { when: formatInZone(current, zone), zone }) : t("away.not_away")}</p>`}>
    <label class="check"><input type="checkbox" checked=${on} onChange=${(e: Event) => setOn((e.currentTarget as HTMLInputElement).checked)} />
      <span>${t("away.im_away")}</span></label>
    ${on
      ? html`<${Field} id=${fieldId("awayUntil")} label=${t("away.back_on")} error=${err("awayUntil")} hint=${t("away.back_on_hint", { zone: zone.replace(/_/g, " ") })}>
          ${(a11y: Record<string, unknown>) => html`<input ...${a11y} type="datetime-local" value=${until}
            onInput=${(e: Event) => setUntil((e.currentTarget as HTMLInputElement).value)} />`}
        <//>`
      : null}
    <${TextField} id=${fieldId("awayMessage")} label=${t("away.message")} multiline rows=${3} value=${message} onValue=${setMessage} error=${err("awayMessage")}
      placeholder=${t("away.placeholder")}
      hint=${t("away.message_hint")} />
  <//>`;
}
