import { html } from "../html.ts";
import { formatDateTime, formatPhone } from "../ui/format.ts";
import type { RequestDetail } from "./types.ts";
import { ownerLocale, t } from "../i18n/t.ts";

const LABELS: Record<string, string> = {
  name: t("field.name"),
  phone: t("field.phone"),
  email: t("field.email"),
  when: t("field.when"),
  note: t("field.note"),
  topic: t("field.topic"),
  message: t("field.message"),
  consent: t("field.consent"),
  timeZone: t("field.timeZone"),
};

/** A language's name in the owner's own language ("German"), or its code. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([ownerLocale() ?? "en", "en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every field the shopper sent, in a definition list; times in the site's zone. */
export function FieldsList({ detail }: { detail: RequestDetail }) {
  const zone = detail.site.timezone;
  const fields = detail.request.fields as Record<string, unknown>;
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === "extras" || value === null || value === undefined || value === "") continue;
    let text = String(value);
    if (key === "when") text = value === "asap" ? t("field.asap") : formatDateTime(String(value), zone);
    if (key === "consent") text = value ? t("common.yes") : t("common.no");
    if (key === "phone") text = formatPhone(text);
    rows.push([LABELS[key] ?? key, text]);
  }
  for (const [key, value] of Object.entries((fields.extras as Record<string, unknown> | undefined) ?? {})) {
    if (value === null || value === undefined || value === "") continue;
    rows.push([key, typeof value === "boolean" ? (value ? t("common.yes") : t("common.no")) : String(value)]);
  }
  if (detail.request.locale) rows.push([t("field.locale"), languageName(detail.request.locale)]);
  if (detail.request.origin) rows.push([t("field.sent_from"), detail.request.origin]);
  rows.push([t("field.received"), formatDateTime(detail.request.createdAt, zone)]);
  return html`<dl class="fields">
    ${rows.map(([label, text]) => html`<div class="field-row"><dt>${label}</dt><dd class=${label === LABELS.message ? "prose" : undefined}>${text}</dd></div>`)}
  </dl>`;
}
