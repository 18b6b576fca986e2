import { html } from "../html.ts";
import { Field, TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { formatInZone, fromZonedInput, toZonedInput } from "./zoned-time.ts";

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
    if (!awayUntil) return { reject: { awayUntil: "Choose the date and time you're back." } };
    if (new Date(awayUntil) <= new Date()) return { reject: { awayUntil: "Choose a time in the future." } };
    return { settings: { awayUntil, awayMessage } };
  });

  const current = props.view.settings.awayUntil;
  return html`<${SectionFrame} id="away" title="Away mode"
    intro=${html`<p class="muted">Closed for a holiday or a trade fair? While you're away, the widget shows your message and when
      you're back (for example “Back Monday 9:00”), in each shopper's own time zone, and offers no call-back times until then.</p>
      <p class="away-now" role="status">${current && new Date(current) > new Date() ? `Away now, until ${formatInZone(current, zone)} (${zone}).` : "Not away."}</p>`}>
    <label class="check"><input type="checkbox" checked=${on} onChange=${(e: Event) => setOn((e.currentTarget as HTMLInputElement).checked)} />
      <span>I'm away</span></label>
    ${on
      ? html`<${Field} id=${fieldId("awayUntil")} label="Back on" error=${err("awayUntil")} hint=${`Date and time in your site's time zone, ${zone.replace(/_/g, " ")}.`}>
          ${(a11y: Record<string, unknown>) => html`<input ...${a11y} type="datetime-local" value=${until}
            onInput=${(e: Event) => setUntil((e.currentTarget as HTMLInputElement).value)} />`}
        <//>`
      : null}
    <${TextField} id=${fieldId("awayMessage")} label="Away message" multiline rows=${3} value=${message} onValue=${setMessage} error=${err("awayMessage")}
      placeholder="We're at the spring fair until Monday. Leave a message and we'll answer when we're back."
      hint="Optional. Shown in the widget while you're away." />
  <//>`;
}
