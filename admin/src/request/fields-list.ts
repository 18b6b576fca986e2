import { html } from "../html.ts";
import { formatDateTime, formatLanguage, formatPhone } from "../ui/format.ts";
import type { RequestDetail } from "./types.ts";
import { t } from "../i18n/t.ts";

// A function, not a constant: texts are looked up when shown, never at import.
const labels = (): Record<string, string> => ({
  name: t("field.name"),
  phone: t("field.phone"),
  email: t("field.email"),
  when: t("field.when"),
  note: t("field.note"),
  topic: t("field.topic"),
  message: t("field.message"),
  consent: t("field.consent"),
  timeZone: t("field.timeZone"),
});

/** Every field the shopper sent, in a definition list; times in the site's zone. */
export function FieldsList({ detail }: { detail: RequestDetail }) {
  const zone = detail.site.timezone;
  const fields = detail.request.fields as Record<string, unknown>;
  const names = labels();
  // Each row: its label and text, and which of them are someone's own words (the shopper's, or the
  // owner's own field labels), marked as user data for the pseudo-locale check.
  const rows: { label: string; text: string; ownLabel?: boolean; ownText?: boolean; prose?: boolean }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === "extras" || value === null || value === undefined || value === "") continue;
    let text = String(value);
    if (key === "when") text = value === "asap" ? t("field.asap") : formatDateTime(String(value), zone);
    if (key === "consent") text = value ? t("common.yes") : t("common.no");
    if (key === "phone") text = formatPhone(text);
    rows.push({ label: names[key] ?? key, ownLabel: !(key in names), text, ownText: key !== "when" && key !== "consent", prose: key === "message" });
  }
  for (const [key, value] of Object.entries((fields.extras as Record<string, unknown> | undefined) ?? {})) {
    if (value === null || value === undefined || value === "") continue;
    const yesNo = typeof value === "boolean";
    rows.push({ label: key, ownLabel: true, text: yesNo ? (value ? t("common.yes") : t("common.no")) : String(value), ownText: !yesNo });
  }
  if (detail.request.locale) rows.push({ label: t("field.locale"), text: formatLanguage(detail.request.locale) });
  if (detail.request.origin) rows.push({ label: t("field.sent_from"), text: detail.request.origin, ownText: true });
  rows.push({ label: t("field.received"), text: formatDateTime(detail.request.createdAt, zone) });
  const own = (yes: boolean | undefined) => (yes ? "" : undefined);
  return html`<dl class="fields">
    ${rows.map((r) => html`<div class="field-row"><dt data-user-text=${own(r.ownLabel)}>${r.label}</dt><dd class=${r.prose ? "prose" : undefined} data-user-text=${own(r.ownText)}>${r.text}</dd></div>`)}
  </dl>`;
}
