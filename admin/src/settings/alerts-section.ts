import { useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { html } from "../html.ts";
import { formatPhone } from "../ui/format.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { t, tCount } from "../i18n/t.ts";
import { formatHour } from "../ui/format.ts";

type TestSmsResult = { status: "sent" | "not_sent" | "failed"; to: string | null; providerId?: string; providerStatus?: string; error?: string };

/** What the provider answered, in a sentence. */
export function describeTestSms(r: TestSmsResult): { ok: boolean; text: string } {
  if (r.status === "sent") {
    const detail = [r.providerStatus && t("alerts.status", { status: r.providerStatus }), r.providerId && t("alerts.id", { id: r.providerId })].filter(Boolean).join(", ");
    return { ok: true, text: detail ? t("alerts.sent_detail", { to: r.to ?? "", detail }) : t("alerts.sent", { to: r.to ?? "" }) };
  }
  if (r.status === "not_sent") {
    const configured = !/not configured/i.test(r.error ?? "");
    return { ok: false, text: configured ? (r.error ?? t("alerts.not_sent")) : r.to ? t("alerts.not_configured_to", { to: r.to }) : t("alerts.not_configured") };
  }
  return { ok: false, text: t("alerts.failed", { to: r.to ?? t("alerts.your_number"), error: r.error ?? t("alerts.no_reason") }) };
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
  return html`<${SectionFrame} id="alerts" title=${t("settings.section.alerts")}
    extra=${html`<button type="button" class="secondary" disabled=${test.busy || !phone} onClick=${sendTest}>
      ${test.busy ? t("common.sending") : t("alerts.send_test")}</button>`}>
    <label class="check" id=${fieldId("smsAlerts")}><input type="checkbox" checked=${smsAlerts}
      onChange=${(e: Event) => setSmsAlerts((e.currentTarget as HTMLInputElement).checked)} />
      <span>${t("alerts.sms")}
        <span class="check-hint">${phone ? t("alerts.go_to", { phone: formatPhone(phone) }) : t("alerts.add_phone")}</span></span></label>
    <div class="field">
      <label for=${fieldId("escalateAfterMinutes")}>${t("alerts.remind")}</label>
      <select id=${fieldId("escalateAfterMinutes")} value=${escalate} onChange=${(e: Event) => setEscalate((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">${t("alerts.never")}</option>
        ${[15, 30, 60, 120, 240].map((m) => html`<option value=${String(m)}>${m < 60 ? t("alerts.after_minutes", { count: m }) : tCount("alerts.after_hours", m / 60)}</option>`)}
      </select>
      ${errorAt(state.errors, "escalateAfterMinutes") ? html`<p class="field-error">${errorAt(state.errors, "escalateAfterMinutes")}</p>` : null}
    </div>
    <div class="field">
      <label for=${fieldId("digestHour")}>${t("alerts.digest")}</label>
      <select id=${fieldId("digestHour")} value=${digest} onChange=${(e: Event) => setDigest((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">${t("alerts.never")}</option>
        ${Array.from({ length: 24 }, (_, h) => html`<option value=${String(h)}>${t("alerts.digest_at", { time: formatHour(h) })}</option>`)}
      </select>
    </div>
    <p role="status" class=${test.text ? (test.ok ? "test-result test-ok" : "test-result test-problem") : "visually-hidden"}>${test.text ?? ""}</p>
  <//>`;
}
