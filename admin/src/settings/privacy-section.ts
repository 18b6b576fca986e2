import { html } from "../html.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";

const CHOICES = [3, 6, 12, 24, 36, 60];

/** "Privacy": how long requests and chats are kept; a customer's export and delete live on their page. */
export function PrivacySection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("privacy");
  const stored = props.view.settings.retentionMonths;
  const [months, setMonths] = draft("months", stored === null ? "" : String(stored));
  contribute(() => ({ settings: { retentionMonths: months === "" ? null : Number(months) } }));
  const choices = stored !== null && !CHOICES.includes(stored) ? [...CHOICES, stored].sort((a, b) => a - b) : CHOICES;
  return html`<${SectionFrame} id="privacy" title="Privacy"
    intro=${html`<p>To give a customer a copy of their data or erase them, open one of their requests, follow “customer since …” and use the buttons at the bottom of their page.</p>`}>
    <div class="field">
      <label for=${fieldId("retentionMonths")}>Delete requests and chats after</label>
      <select id=${fieldId("retentionMonths")} aria-describedby="retention-hint" value=${months} onChange=${(e: Event) => setMonths((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Keep them (never delete)</option>
        ${choices.map((m) => html`<option value=${String(m)}>${m % 12 ? `${m} months` : `${m / 12} year${m === 12 ? "" : "s"}`} without activity</option>`)}
      </select>
      <p class="hint" id="retention-hint">Checked every hour. Everything tied to a deleted request goes with it: chat lines, notes, notifications. Customers with nothing left are removed too.</p>
      ${errorAt(state.errors, "retentionMonths") ? html`<p class="field-error">${errorAt(state.errors, "retentionMonths")}</p>` : null}
    </div>
  <//>`;
}
