import { useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { html } from "../html.ts";
import { formatPhone } from "../ui/format.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { errorAt, fieldId } from "./field-errors.ts";

type TestSmsResult = { status: "sent" | "not_sent" | "failed"; to: string | null; providerId?: string; providerStatus?: string; error?: string };

/** What the provider answered, in a sentence. */
export function describeTestSms(r: TestSmsResult): { ok: boolean; text: string } {
  if (r.status === "sent") {
    const detail = [r.providerStatus && `status “${r.providerStatus}”`, r.providerId && `id ${r.providerId}`].filter(Boolean).join(", ");
    return { ok: true, text: `Sent to ${r.to}. Twilio accepted it${detail ? ` (${detail})` : ""}. It should arrive within a minute.` };
  }
  if (r.status === "not_sent") {
    const configured = !/not configured/i.test(r.error ?? "");
    return { ok: false, text: configured ? (r.error ?? "Not sent.") : `Not sent: Twilio is not configured — the message was printed to the server console instead${r.to ? ` (to ${r.to})` : ""}.` };
  }
  return { ok: false, text: `Sending to ${r.to ?? "your number"} failed: ${r.error ?? "the provider gave no reason"}.` };
}

/** "Alerts": SMS alerts on or off, and a test message that reports the provider's answer. */
export function AlertsSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("alerts");
  const [smsAlerts, setSmsAlerts] = draft("smsAlerts", props.view.settings.smsAlerts);
  const [escalate, setEscalate] = draft("escalate", props.view.settings.escalateAfterMinutes === null ? "" : String(props.view.settings.escalateAfterMinutes));
  const [digest, setDigest] = draft("digest", props.view.settings.digestHour === null ? "" : String(props.view.settings.digestHour));
  contribute(() => ({ settings: { smsAlerts, escalateAfterMinutes: escalate === "" ? null : Number(escalate), digestHour: digest === "" ? null : Number(digest) } }));
  const [test, setTest] = useState<{ busy: boolean; ok?: boolean; text?: string }>({ busy: false });

  const sendTest = async () => {
    setTest({ busy: true });
    try {
      const result = await props.api.send<TestSmsResult>("POST", `/sites/${encodeURIComponent(props.view.site.key)}/test-sms`);
      setTest({ busy: false, ...describeTestSms(result) });
    } catch (err) {
      setTest({ busy: false, ok: false, text: err instanceof ApiError || err instanceof Error ? err.message : String(err) });
    }
  };

  const phone = props.view.site.ownerPhone;
  return html`<${SectionFrame} id="alerts" title="Alerts"
    extra=${html`<button type="button" class="secondary" disabled=${test.busy || !phone} onClick=${sendTest}>
      ${test.busy ? "Sending…" : "Send me a test SMS"}</button>`}>
    <label class="check" id=${fieldId("smsAlerts")}><input type="checkbox" checked=${smsAlerts}
      onChange=${(e: Event) => setSmsAlerts((e.currentTarget as HTMLInputElement).checked)} />
      <span>Text me when a shopper asks for a call back or sends a message
        <span class="check-hint">${phone ? `Alerts go to ${formatPhone(phone)}.` : "Add your mobile number under “Your site” first."}</span></span></label>
    <div class="field">
      <label for=${fieldId("escalateAfterMinutes")}>Remind me about a request nobody has touched</label>
      <select id=${fieldId("escalateAfterMinutes")} value=${escalate} onChange=${(e: Event) => setEscalate((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Never</option>
        ${[15, 30, 60, 120, 240].map((m) => html`<option value=${String(m)}>After ${m < 60 ? `${m} minutes` : `${m / 60} hour${m === 60 ? "" : "s"}`} of opening time</option>`)}
      </select>
      ${errorAt(state.errors, "escalateAfterMinutes") ? html`<p class="field-error">${errorAt(state.errors, "escalateAfterMinutes")}</p>` : null}
    </div>
    <div class="field">
      <label for=${fieldId("digestHour")}>Daily text of what is still open</label>
      <select id=${fieldId("digestHour")} value=${digest} onChange=${(e: Event) => setDigest((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">Never</option>
        ${Array.from({ length: 24 }, (_, h) => html`<option value=${String(h)}>At ${String(h).padStart(2, "0")}:00 (your time zone)</option>`)}
      </select>
    </div>
    <p role="status" class=${test.text ? (test.ok ? "test-result test-ok" : "test-result test-problem") : "visually-hidden"}>${test.text ?? ""}</p>
  <//>`;
}
