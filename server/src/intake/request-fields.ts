import type { RequestKind } from "../db/schema.ts";

/** What a call-back stores: the number to call, when, and the shopper's own words. */
export type CallbackFields = { name: string; phone: string; when: string; note: string | null; consent: boolean | null; timeZone?: string };
/** What "Send a message" stores, with the site's extra form fields by id. */
export type MessageFields = { name: string; email: string; topic: string | null; message: string; extras: { [id: string]: string | boolean }; consent: boolean | null };
/** What a chat stores: whatever the shopper chose to give. */
export type ChatFields = { name: string | null; email: string | null; consent?: boolean };

/** `requests.fields` as stored (the kind is its own column). */
export type StoredFields = CallbackFields | MessageFields | ChatFields;

/** A request's fields, tagged with its kind: narrow on `kind` to reach a kind's own fields. */
export type RequestFields = ({ kind: "callback" } & CallbackFields) | ({ kind: "message" } & MessageFields) | ({ kind: "chat" } & ChatFields);

/** The one place a row's JSON fields are read: tagged with the row's kind. */
export function readFields(row: { kind: RequestKind; fields: StoredFields }): RequestFields {
  return { ...row.fields, kind: row.kind } as RequestFields;
}

/** The shopper's phone, which only call-backs carry. */
export function phoneOf(fields: RequestFields): string | undefined {
  return fields.kind === "callback" ? fields.phone : undefined;
}

/** The shopper's email, which messages carry and chats may. */
export function emailOf(fields: RequestFields): string | undefined {
  return fields.kind === "callback" ? undefined : (fields.email ?? undefined);
}
