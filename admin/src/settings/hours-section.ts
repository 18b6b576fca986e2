import { html } from "../html.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import type { SiteSettings } from "./types.ts";
import { TimezoneSelect } from "./zone-select.ts";
import { t } from "../i18n/t.ts";
import { formatWeekday } from "../ui/format.ts";

type Hours = SiteSettings["hours"];
type Day = keyof Hours;
// Weekday names in the owner's own language (formatWeekday counts from Sunday = 0).
const days = () => (["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as Day[]).map((day, i) => [day, formatWeekday((i + 1) % 7)] as [Day, string]);
const MAX_PERIODS = 4;

/** "Hours": the site's time zone and when someone is there to answer, per weekday. */
export function HoursSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("hours");
  const [timezone, setTimezone] = draft("timezone", props.view.settings.timezone);
  const [hours, setHours] = draft<Hours>("hours", props.view.settings.hours);
  contribute(() => ({ settings: { timezone, hours } }));
  const setDay = (day: Day, periods: Hours[Day]) => setHours((h) => ({ ...h, [day]: periods }));
  const err = (path: string) => errorAt(state.errors, path);

  return html`<${SectionFrame} id="hours" title=${t("settings.section.hours")}
    intro=${html`<p class="muted">${t("hours.intro")}</p>`}>
    <${TimezoneSelect} id=${fieldId("timezone")} label=${t("hours.zone")} value=${timezone} onValue=${setTimezone} error=${err("timezone")}
      hint=${t("hours.zone_hint")} />
    <div class="week">
      ${days().map(([day, name]) => {
        const periods = hours[day];
        return html`<fieldset class="day" id=${fieldId(`hours.${day}`)}>
          <legend>${name}</legend>
          <label class="check"><input type="checkbox" checked=${periods.length > 0}
            onChange=${(e: Event) => setDay(day, (e.currentTarget as HTMLInputElement).checked ? [{ from: "09:00", to: "17:00" }] : [])} /> ${t("hours.open")}</label>
          ${periods.map((p, i) => {
            const path = `hours.${day}.${i}`;
            const problem = err(`${path}.from`) ?? err(`${path}.to`) ?? err(path);
            const label = periods.length > 1 ? t("hours.period", { day: name, n: i + 1 }) : name;
            const update = (part: "from" | "to", value: string) => setDay(day, periods.map((q, j) => (j === i ? { ...q, [part]: value } : q)));
            return html`<div class=${problem ? "period field-invalid" : "period"} id=${fieldId(path)}>
              <div class="time">
                <label for=${fieldId(`${path}.from`)}>${t("hours.from")}<span class="visually-hidden"> (${label})</span></label>
                <input type="time" id=${fieldId(`${path}.from`)} value=${p.from} required aria-invalid=${err(`${path}.from`) || err(path) ? "true" : undefined}
                  aria-describedby=${problem ? `${fieldId(path)}-error` : undefined} onInput=${(e: Event) => update("from", (e.currentTarget as HTMLInputElement).value)} />
              </div>
              <div class="time">
                <label for=${fieldId(`${path}.to`)}>${t("hours.to")}<span class="visually-hidden"> (${label})</span></label>
                <input type="time" id=${fieldId(`${path}.to`)} value=${p.to} required aria-invalid=${err(`${path}.to`) || err(path) ? "true" : undefined}
                  aria-describedby=${problem ? `${fieldId(path)}-error` : undefined} onInput=${(e: Event) => update("to", (e.currentTarget as HTMLInputElement).value)} />
              </div>
              ${i > 0 ? html`<button type="button" class="link-button" onClick=${() => setDay(day, periods.filter((_, j) => j !== i))}>
                ${t("hours.remove")}<span class="visually-hidden"> ${t("hours.remove_which", { day: name, n: i + 1 })}</span></button>` : null}
              ${problem ? html`<p class="field-error" id=${`${fieldId(path)}-error`}>${problem}</p>` : null}
            </div>`;
          })}
          ${periods.length > 0 && periods.length < MAX_PERIODS
            ? html`<button type="button" class="link-button" onClick=${() => setDay(day, [...periods, { from: periods.at(-1)!.to, to: periods.at(-1)!.to < "23:00" ? "23:00" : "23:59" }])}>
                ${t("hours.add")}<span class="visually-hidden"> ${t("hours.add_on", { day: name })}</span></button>`
            : null}
          ${err(`hours.${day}`) ? html`<p class="field-error">${err(`hours.${day}`)}</p>` : null}
        </fieldset>`;
      })}
    </div>
  <//>`;
}
