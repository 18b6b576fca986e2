// The call-back form's logic, apart from its markup: what the shopper typed, the minimal checks made
// before sending (the server's answer is authoritative), and the request body.
import type { FieldErrors } from "./form.ts";
import { shopperTimeZone } from "./message.ts";

export type CallbackValues = {
  name: string;
  phone: string;
  when: "asap" | "pick";
  slot: string;
  note: string;
  consent: boolean;
  /** The honeypot: people never see it, so anything here came from a bot. Sent as `company`. */
  company: string;
};

export type CallbackBody = { name: string; phone: string; when: string; note?: string; consent?: boolean; timeZone?: string; company: string };

export const emptyValues = (slot = ""): CallbackValues => ({ name: "", phone: "", when: "asap", slot, note: "", consent: false, company: "" });

const FIELDS = ["name", "phone", "when", "note", "consent"];

/** Whether the call-back form shows a message for this server field (others go in the alert line). */
export const isCallbackField = (field: string) => FIELDS.includes(field);

/** Empty required fields, with the message shown under each. */
export function checkCallback(v: CallbackValues, consentRequired: boolean): FieldErrors {
  const fields: FieldErrors = {};
  if (!v.name.trim()) fields.name = "Tell us your name.";
  if (!v.phone.trim()) fields.phone = "Enter your phone number.";
  if (v.when === "pick" && !v.slot) fields.when = "Choose a time.";
  if (consentRequired && !v.consent) fields.consent = "Please tick the box so we may call you.";
  return fields;
}

/** The POST body of `/callbacks`. `timeZone` is the shopper's, so the page behind their text's link shows times in it. */
export function callbackBody(v: CallbackValues, consentRequired: boolean, timeZone = shopperTimeZone()): CallbackBody {
  const body: CallbackBody = { name: v.name.trim(), phone: v.phone.trim(), when: v.when === "pick" ? v.slot : "asap", company: v.company };
  if (v.note.trim()) body.note = v.note.trim();
  if (consentRequired) body.consent = v.consent;
  if (timeZone) body.timeZone = timeZone;
  return body;
}
