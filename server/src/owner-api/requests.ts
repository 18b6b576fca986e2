import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { ChangeDeps } from "../pipeline/commit.ts";
import type { Db } from "../db/client.ts";
import { customers, requestEvents, requests, sites } from "../db/schema.ts";
import { Invalid, NotFound } from "../domain-errors.ts";
import { addNote, changeStatus, noteInput, statusInput } from "../inbox/inbox.ts";
import { parseOrThrow } from "../http/validation.ts";
import { apiCustomer, apiRequest, requestColumns } from "./request-view.ts";
import type { TokenGrant } from "./tokens.ts";

const listQuery = z.object({
  status: z.enum(["new", "in_progress", "done"], { error: "Use new, in_progress or done." }).optional(),
  kind: z.enum(["callback", "message", "chat"], { error: "Use callback, message or chat." }).optional(),
  site: z.string().max(100).optional(),
  since: z.iso.datetime({ offset: true, error: "Use an ISO 8601 time, e.g. 2026-11-01T00:00:00Z." }).optional(),
  cursor: z.string().regex(/^[\w-]{1,200}$/, "Use the nextCursor of the previous page.").optional(),
  limit: z.coerce.number({ error: "Use a number from 1 to 100." }).int().min(1).max(100).default(50),
});

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.getTime()}:${id}`).toString("base64url");
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [ms, id] = Buffer.from(cursor, "base64url").toString().split(":");
  if (!ms || !id || !/^\d+$/.test(ms)) throw new Invalid("validation_failed", "Please check the highlighted fields.", { cursor: "Use the nextCursor of the previous page." });
  return { at: new Date(Number(ms)), id };
}

const notFound = () => new NotFound("not_found", "There is no such request for this token.");

/** The token's requests (spam left out), newest first, a page at a time (keyset on created time and id). */
export async function listApiRequests(db: Db, grant: TokenGrant, query: unknown) {
  const q = parseOrThrow(listQuery, query);
  const conditions: (SQL | undefined)[] = [inArray(requests.siteId, grant.siteIds), isNull(requests.spamAt), q.status && eq(requests.status, q.status), q.kind && eq(requests.kind, q.kind)];
  if (q.site) conditions.push(eq(sites.key, q.site));
  if (q.since) conditions.push(gte(requests.createdAt, new Date(q.since)));
  if (q.cursor) {
    const { at, id } = decodeCursor(q.cursor);
    conditions.push(or(lt(requests.createdAt, at), and(eq(requests.createdAt, at), lt(requests.id, id))));
  }
  const rows = grant.siteIds.length
    ? await db
        .select(requestColumns)
        .from(requests)
        .innerJoin(customers, eq(customers.id, requests.customerId))
        .innerJoin(sites, eq(sites.id, requests.siteId))
        .where(and(...conditions))
        .orderBy(desc(requests.createdAt), desc(requests.id))
        .limit(q.limit + 1)
    : [];
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { requests: page.map(apiRequest), nextCursor: rows.length > q.limit && last ? encodeCursor(last.request.createdAt, last.request.id) : null };
}

/** One request of the token's sites, with its timeline (status changes, notes, replies, calls). */
export async function getApiRequest(db: Db, grant: TokenGrant, id: string) {
  const [row] = grant.siteIds.length
    ? await db
        .select(requestColumns)
        .from(requests)
        .innerJoin(customers, eq(customers.id, requests.customerId))
        .innerJoin(sites, eq(sites.id, requests.siteId))
        .where(and(eq(requests.id, id), inArray(requests.siteId, grant.siteIds)))
    : [];
  if (!row) throw notFound();
  const timeline = await db.select().from(requestEvents).where(eq(requestEvents.requestId, id)).orderBy(asc(requestEvents.id));
  return {
    request: apiRequest(row),
    timeline: timeline.map((e) => ({ id: e.id, type: e.type, at: e.createdAt.toISOString(), actorUserId: e.actorUserId, data: e.data })),
  };
}

/** The owner API's PATCH body: the inbox's own status and note rules, either or both. */
export const patchInput = z
  .object({ status: statusInput.shape.status.optional(), note: noteInput.shape.text.optional() })
  .refine((v) => v.status !== undefined || v.note !== undefined, { message: "Send a status, a note, or both.", path: ["status"] });

/** Changes a request's status and/or adds a note, as the token's owner (the timeline names them). */
export async function patchApiRequest(deps: ChangeDeps, grant: TokenGrant, id: string, data: z.output<typeof patchInput>) {
  const { request } = await getApiRequest(deps.db, grant, id);
  if (data.status !== undefined && data.status !== request.status) await changeStatus(deps, grant.userId, id, { status: data.status });
  if (data.note !== undefined) await addNote(deps, grant.userId, id, { text: data.note });
  return getApiRequest(deps.db, grant, id);
}

const CUSTOMER_REQUESTS = 100;

/** A customer of one of the token's sites, with their latest requests. */
export async function getApiCustomer(db: Db, grant: TokenGrant, id: number) {
  const [customer] = Number.isSafeInteger(id) && grant.siteIds.length ? await db.select().from(customers).where(and(eq(customers.id, id), inArray(customers.siteId, grant.siteIds))) : [];
  if (!customer) throw new NotFound("not_found", "There is no such customer for this token.");
  const rows = await db
    .select(requestColumns)
    .from(requests)
    .innerJoin(customers, eq(customers.id, requests.customerId))
    .innerJoin(sites, eq(sites.id, requests.siteId))
    .where(and(eq(requests.customerId, id), isNull(requests.spamAt)))
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(CUSTOMER_REQUESTS);
  return { customer: apiCustomer(customer), requests: rows.map(apiRequest) };
}
