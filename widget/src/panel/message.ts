// The "Send a message" form's logic, apart from its markup: values, the checks made before sending
// (required fields only; the server judges the rest, e.g. whether an email address is valid), the body.
import type { MessageField } from "../panel-host.ts";
import type { FieldErrors } from "./form.ts";

export type MessageValues = {
  name: string;
  email: string;
  topic: string;
  message: string;
  /** The site's extra fields by id: text for "text" and "choice", true/false for "checkbox". */
  fields: Record<string, string | boolean>;
  consent: boolean;
  /** The honeypot, sent as `company`. */
  company: string;
};

export type MessageBody = {
  name: string;
  email: string;
  topic?: string;
  message: string;
  fields: Record<string, string | boolean>;
  consent?: boolean;
  timeZone?: string;
  company: string;
};

export const emptyMessage = (): MessageValues => ({ name: "", email: "", topic: "", message: "", fields: {}, consent: false, company: "" });

const FIELDS = ["name", "email", "topic", "message", "consent"];

/** Whether the message form shows a message for this server field: its own, or `fields.<id>` of an extra field. */
export const isMessageField = (extras: MessageField[]) => (field: string) =>
  FIELDS.includes(field) || extras.some((f) => field === `fields.${f.id}`);

/** Empty required fields, with the message shown under each; extra fields are keyed `fields.<id>` like the server's. */
export function checkMessage(v: MessageValues, extras: MessageField[], consentRequired: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.name.trim()) errors.name = "Tell us your name.";
  if (!v.email.trim()) errors.email = "Enter your email address.";
  if (!v.message.trim()) errors.message = "Write your message.";
  for (const f of extras) {
    const value = v.fields[f.id];
    if (!f.required || (f.type === "checkbox" ? value === true : typeof value === "string" && value.trim())) continue;
    errors[`fields.${f.id}`] =
      f.type === "checkbox" ? `Please tick "${f.label}".` : f.type === "choice" ? `Choose an option for "${f.label}".` : `Please fill in "${f.label}".`;
  }
  if (consentRequired && !v.consent) errors.consent = "Please tick the box so we may answer you.";
  return errors;
}

/** The POST body of `/messages`. `timeZone` is the shopper's, so the promised reply time is in their own time. */
export function messageBody(v: MessageValues, extras: MessageField[], consentRequired: boolean, timeZone?: string): MessageBody {
  const fields: Record<string, string | boolean> = {};
  for (const f of extras) {
    const value = v.fields[f.id];
    if (f.type === "checkbox") fields[f.id] = value === true;
    else if (typeof value === "string" && value.trim()) fields[f.id] = value.trim();
  }
  const body: MessageBody = { name: v.name.trim(), email: v.email.trim(), message: v.message.trim(), fields, company: v.company };
  if (v.topic.trim()) body.topic = v.topic.trim();
  if (consentRequired) body.consent = v.consent;
  if (timeZone) body.timeZone = timeZone;
  return body;
}

/** The browser's IANA time zone, e.g. "Europe/London", when it tells. */
export function shopperTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
