// The call-back form's logic, apart from its markup: what the shopper typed, the minimal checks made
// before sending (the server's answer is authoritative), the request body, and how an error is shown.
import type { HttpResult } from "./http.ts";

export type CallbackValues = {
  name: string;
  phone: string;
  when: "asap" | "pick";
  slot: string;
  note: string;
  consent: boolean;
  /** The honeypot: people never see it, so anything here came from a bot. */
  company: string;
};

export type FieldName = "name" | "phone" | "when" | "note" | "consent";
export type FieldErrors = Partial<Record<FieldName, string>>;
export type Problem = { fields: FieldErrors; alert: string };

export type CallbackBody = { name: string; phone: string; when: string; note?: string; consent?: boolean; company: string };
export type CallbackAnswer = { id: string; status: string; expect?: { kind: string; at?: string } };

export const emptyValues = (slot = ""): CallbackValues => ({ name: "", phone: "", when: "asap", slot, note: "", consent: false, company: "" });

const FIELDS: readonly FieldName[] = ["name", "phone", "when", "note", "consent"];

/** Empty required fields, with the message shown under each. */
export function checkCallback(v: CallbackValues, consentRequired: boolean): FieldErrors {
  const fields: FieldErrors = {};
  if (!v.name.trim()) fields.name = "Tell us your name.";
  if (!v.phone.trim()) fields.phone = "Enter your phone number.";
  if (v.when === "pick" && !v.slot) fields.when = "Choose a time.";
  if (consentRequired && !v.consent) fields.consent = "Please tick the box so we may call you.";
  return fields;
}

/** The POST body of `/callbacks`. */
export function callbackBody(v: CallbackValues, consentRequired: boolean): CallbackBody {
  const body: CallbackBody = { name: v.name.trim(), phone: v.phone.trim(), when: v.when === "pick" ? v.slot : "asap", company: v.company };
  if (v.note.trim()) body.note = v.note.trim();
  if (consentRequired) body.consent = v.consent;
  return body;
}

/** How a failed submission is shown: messages under the form's fields, the rest in one alert line. */
export function problemFrom(result: Extract<HttpResult<unknown>, { ok: false }>): Problem {
  const { status, error } = result;
  if (status === 429) return { fields: {}, alert: "Too many requests — please try again in a minute." };
  const fields: FieldErrors = {};
  const stray: string[] = [];
  for (const [name, message] of Object.entries(error.fields ?? {})) {
    if ((FIELDS as readonly string[]).includes(name)) fields[name as FieldName] = message;
    else stray.push(message);
  }
  return { fields, alert: stray.join(" ") || (Object.keys(fields).length ? "" : error.message) };
}
