import { html } from "../html.ts";
import { formatDateTime, formatPhone } from "../ui/format.ts";
import type { RequestDetail } from "./types.ts";

const LABELS: Record<string, string> = {
  name: "Name",
  phone: "Phone",
  email: "Email",
  when: "Call",
  note: "What it's about",
  topic: "Topic",
  message: "Message",
  consent: "Consent",
  timeZone: "Their time zone",
};

/** Every field the shopper sent, in a definition list; times in the site's zone. */
export function FieldsList({ detail }: { detail: RequestDetail }) {
  const zone = detail.site.timezone;
  const fields = detail.request.fields as Record<string, unknown>;
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === "extras" || value === null || value === undefined || value === "") continue;
    let text = String(value);
    if (key === "when") text = value === "asap" ? "As soon as possible" : formatDateTime(String(value), zone);
    if (key === "consent") text = value ? "Yes" : "No";
    if (key === "phone") text = formatPhone(text);
    rows.push([LABELS[key] ?? key, text]);
  }
  for (const [key, value] of Object.entries((fields.extras as Record<string, unknown> | undefined) ?? {})) {
    if (value === null || value === undefined || value === "") continue;
    rows.push([key, typeof value === "boolean" ? (value ? "Yes" : "No") : String(value)]);
  }
  if (detail.request.origin) rows.push(["Sent from", detail.request.origin]);
  rows.push(["Received", formatDateTime(detail.request.createdAt, zone)]);
  return html`<dl class="fields">
    ${rows.map(([label, text]) => html`<div class="field-row"><dt>${label}</dt><dd class=${label === "Message" ? "prose" : undefined}>${text}</dd></div>`)}
  </dl>`;
}
