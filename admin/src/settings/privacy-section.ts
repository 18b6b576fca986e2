import { html } from "../html.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { t, tCount } from "../i18n/t.ts";

const CHOICES = [3, 6, 12, 24, 36, 60];

/** "Privacy": how long requests and chats are kept; a customer's export and delete live on their page. */
export function PrivacySection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("privacy");
  const stored = props.view.settings.retentionMonths;
  const [months, setMonths] = draft("months", stored === null ? "" : String(stored));
  contribute(() => ({ settings: { retentionMonths: months === "" ? null : Number(months) } }));
  const choices = stored !== null && !CHOICES.includes(stored) ? [...CHOICES, stored].sort((a, b) => a - b) : CHOICES;
  return html`<${SectionFrame} id="privacy" title=${t("settings.section.privacy")}
    intro=${html`<p>${t("privacy.intro")}</p>`}>
    <div class="field">
      <label for=${fieldId("retentionMonths")}>${t("privacy.delete_after")}</label>
      <select id=${fieldId("retentionMonths")} aria-describedby="retention-hint" value=${months} onChange=${(e: Event) => setMonths((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">${t("privacy.keep")}</option>
        ${choices.map((m) => html`<option value=${String(m)}>${m % 12 ? t("privacy.months", { count: m }) : tCount("privacy.years", m / 12)}</option>`)}
      </select>
      <p class="hint" id="retention-hint">${t("privacy.hint")}</p>
      ${errorAt(state.errors, "retentionMonths") ? html`<p class="field-error">${errorAt(state.errors, "retentionMonths")}</p>` : null}
    </div>
  <//>`;
}
