import { and, asc, desc, eq, isNotNull, isNull, lt, ne, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { ChangeDeps } from "../pipeline/commit.ts";
import { customers, outbox, requestEvents, requests, siteMembers, sites, users, type RequestStatus } from "../db/schema.ts";
import { Invalid, NotFound } from "../domain-errors.ts";
import { chatTranscript } from "../chat/chat-view.ts";
import { shopperReadUpTo } from "../chat/chat-live.ts";
import { REQUEST_DONE } from "../chat/transcript-email.ts";
import { shopperRequestFiles } from "../files/attachments.ts";
import { INBOX_TOPIC } from "../events/inbox-events.ts";
import { readSettings } from "../sites/site-settings.ts";
import { parseOrThrow, typedText } from "../http/validation.ts";
import { apiCustomer } from "../owner-api/request-view.ts";
import { regularsView } from "../customers/regulars-view.ts";
import { inboxOrder, regularsFilters, vipOpenConditions } from "../customers/inbox-order.ts";
import { emailOf, phoneOf, readFields } from "../intake/request-fields.ts";
import { searchCondition } from "./search.ts";

const STATUSES = ["new", "in_progress", "done"] as const;
const PAGE = 30;

export const inboxQuery = z.object({
  /** A status, or "spam": the Spam view. Spam is left out of every other view. */
  status: z.enum([...STATUSES, "spam"]).optional(),
  kind: z.enum(["callback", "message", "chat"]).optional(),
  q: z.string().trim().max(100).optional(),
  before: z
    .string()
    .regex(/^\d+:[\w-]+$/, "Use the nextCursor from the previous page.")
    .optional(),
  /** Issue #12: "1" shows only requests where the customer asked again. */
  repeat: z.enum(["1"]).optional(),
  /** Issue #12: "waiting" lists open requests oldest first. */
  sort: z.enum(["newest", "waiting"]).optional(),
});

const summaryColumns = {
  request: requests,
  customer: customers,
  // How many of this customer's requests came before this one: "returning" is about this request, not today.
  earlierCount: sql<number>`(select count(*) from requests as earlier where earlier.customer_id = ${requests.customerId} and earlier.created_at < ${requests.createdAt})`,
  lastLine: sql<string | null>`(select body from chat_messages as line where line.request_id = ${requests.id} order by line.id desc limit 1)`,
  // Through attachments_request: a count of a few rows, never a scan.
  fileCount: sql<number>`(select count(*) from attachments as file where file.request_id = ${requests.id})`,
};

type SummaryRow = { request: typeof requests.$inferSelect; customer: typeof customers.$inferSelect; earlierCount: number; lastLine: string | null; fileCount?: number };

const GIST_CHARS = 140;

/** The inbox's view of a request. */
export function toSummary({ request, customer, earlierCount, lastLine, fileCount }: SummaryRow) {
  const fields = readFields(request);
  // One line the inbox can show under the name: the note, the topic or start of a message, a chat's latest line.
  const gist = (fields.kind === "chat" ? lastLine : fields.kind === "message" ? [fields.topic, fields.message].filter(Boolean).join(": ") : fields.note) ?? null;
  return {
    id: request.id,
    ref: request.ref,
    kind: request.kind,
    status: request.status,
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
    name: fields.name ?? customer.name ?? (request.kind === "chat" ? "Visitor" : ""),
    phone: phoneOf(fields) ?? customer.phone ?? null,
    email: emailOf(fields) ?? customer.email ?? null,
    when: fields.kind === "callback" ? (fields.when ?? "asap") : "asap",
    note: fields.kind === "callback" ? (fields.note ?? null) : null,
    callOutcome: request.callOutcome ?? null,
    /** Why it is spam (a blocked sender, no proof of work, marked by the owner), or null. */
    spam: request.spamAt ? (request.spamReason ?? "marked") : null,
    gist: gist && gist.length > GIST_CHARS ? `${gist.slice(0, GIST_CHARS - 1)}…` : gist || null,
    /** How many photos and files came with it (shown as a count in the inbox row). */
    files: fileCount ?? 0,
    customer: {
      id: customer.id,
      requestCount: customer.requestCount,
      requestNumber: earlierCount + 1,
      firstSeenAt: customer.firstSeenAt.toISOString(),
      returning: earlierCount > 0,
    },
    ...regularsView(request, customer, earlierCount + 1),
  };
}

export type RequestSummary = ReturnType<typeof toSummary>;

/** The inbox page's query (exported so db/query-plans.test.ts checks the plan of this very builder). */
export function inboxPageQuery(db: Db, siteId: number, query: unknown) {
  const { status, kind, q, before, repeat, sort } = parseOrThrow(inboxQuery, query);
  const conditions: (SQL | undefined)[] = [
    eq(requests.siteId, siteId),
    status === "spam" ? isNotNull(requests.spamAt) : isNull(requests.spamAt),
    status && status !== "spam" ? eq(requests.status, status) : undefined,
    kind && eq(requests.kind, kind),
    ...regularsFilters({ repeat, sort }),
  ];
  if (q) conditions.push(searchCondition(siteId, q));
  const order = inboxOrder(sort);
  if (before) conditions.push(order.after(before));
  return db
    .select(summaryColumns)
    .from(requests)
    .innerJoin(customers, eq(customers.id, requests.customerId))
    .where(and(...conditions))
    .orderBy(...order.by)
    .limit(PAGE + 1);
}

/** A site's requests, newest first, filtered and searched, a page at a time. */
/** A VIP's open requests (at most 10, oldest first): found through the site's VIP customers, not its open rows. */
export function pinnedQuery(db: Db, siteId: number) {
  return db.select(summaryColumns).from(requests).innerJoin(customers, eq(customers.id, requests.customerId)).where(vipOpenConditions(siteId)).orderBy(asc(requests.createdAt)).limit(10);
}

export async function listRequests(db: Db, siteId: number, query: unknown) {
  const { status, before } = parseOrThrow(inboxQuery, query);
  const rows = await inboxPageQuery(db, siteId, query);
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  // Issue #12: a VIP's open requests show first, above the first page of the ordinary list.
  const pinned = before || status === "spam" || status === "done" ? [] : await pinnedQuery(db, siteId);
  return {
    pinned: pinned.map(toSummary),
    requests: page.map(toSummary),
    nextCursor: rows.length > PAGE && last ? `${last.request.createdAt.getTime()}:${last.request.id}` : null,
  };
}

/** One request's summary, for live updates. */
export async function requestSummary(db: Db, requestId: string): Promise<RequestSummary | undefined> {
  const [row] = await db
    .select(summaryColumns)
    .from(requests)
    .innerJoin(customers, eq(customers.id, requests.customerId))
    .where(eq(requests.id, requestId));
  return row && toSummary(row);
}

/** A request the user may see (a member of its site), or 404. */
export async function memberRequest(db: Db, userId: number, requestId: string) {
  const [row] = await db
    .select({ ...summaryColumns, site: { id: sites.id, key: sites.key, name: sites.name, settings: sites.settings } })
    .from(requests)
    .innerJoin(customers, eq(customers.id, requests.customerId))
    .innerJoin(sites, eq(sites.id, requests.siteId))
    .innerJoin(siteMembers, and(eq(siteMembers.siteId, requests.siteId), eq(siteMembers.userId, userId)))
    .where(eq(requests.id, requestId));
  if (!row) throw new NotFound("not_found", "There is no such request in your sites.");
  return row;
}

/** Everything about one request: fields, customer, notification history and timeline. */
export async function requestDetail(db: Db, userId: number, requestId: string) {
  const row = await memberRequest(db, userId, requestId);
  // Webhook deliveries have their own log in settings; the request page lists what reached people.
  const notifications = await db.select().from(outbox).where(and(eq(outbox.requestId, requestId), ne(outbox.channel, "webhook"))).orderBy(asc(outbox.id));
  const timeline = await db
    .select({ event: requestEvents, actor: { id: users.id, name: users.name } })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorUserId))
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.id));
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    request: {
      ...toSummary(row),
      fields: row.request.fields,
      scheduledFor: iso(row.request.scheduledFor),
      origin: row.request.origin,
      /** The shopper's language, when their widget sent one (see i18n/locales.ts). */
      locale: row.request.locale,
      /** Issue #12: the page, locale, zone, identify and context calls. */
      context: row.request.context,
    },
    site: { key: row.site.key, name: row.site.name, timezone: readSettings(row.site.settings).timezone },
    customer: customerView(row.customer),
    notifications: notifications.map((n) => ({
      id: n.id,
      channel: n.channel,
      audience: n.audience,
      status: n.status,
      recipient: n.recipient,
      attempts: n.attempts,
      lastError: n.lastError,
      providerId: n.providerId,
      providerStatus: n.providerStatus,
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
      sentAt: iso(n.sentAt),
      nextAttemptAt: n.status === "pending" ? n.nextAttemptAt.toISOString() : null,
    })),
    /** Photos and PDFs the shopper sent with the request itself (a message's; a chat's come with its lines). */
    files: await shopperRequestFiles(db, requestId),
    chat: row.request.kind === "chat" ? { messages: await chatTranscript(db, requestId), shopperSeenId: await shopperReadUpTo(db, requestId) } : null,
    timeline: timeline.map(({ event, actor }) => ({
      id: event.id,
      type: event.type,
      at: event.createdAt.toISOString(),
      actor: actor?.id ? actor : null,
      data: event.data,
    })),
  };
}

export const statusInput = z.object({ status: z.enum(STATUSES, { error: "Choose new, in_progress or done." }) });
export const noteInput = z.object({ text: typedText().trim().min(1, "Write a note.").max(2000, "Keep notes under 2,000 characters.") });

/** Moves a request to another status and records who did it. Returns the site id for live updates. */
export async function changeStatus(deps: ChangeDeps, userId: number, requestId: string, input: z.output<typeof statusInput>) {
  const { db, clock } = deps;
  const { status } = input;
  const row = await memberRequest(db, userId, requestId);
  const from: RequestStatus = row.request.status;
  if (from !== status) {
    const now = clock.now();
    await deps.pipeline.commit(db, async (tx, fx) => {
      await tx.update(requests).set({ status, updatedAt: now }).where(eq(requests.id, requestId));
      await tx.insert(requestEvents).values({ requestId, type: "status", actorUserId: userId, data: { from, to: status }, createdAt: now });
      await fx.request("request.updated", row.site.id, requestId);
      // Done: the chat's transcript goes to the shopper (chat/transcript-email.ts, a pipeline recorder).
      if (status === "done") await fx.emit({ siteId: row.site.id, topic: INBOX_TOPIC, type: REQUEST_DONE, data: { requestId } });
    });
  }
  return { siteId: row.site.id, request: (await requestSummary(db, requestId))! };
}

/** Adds an internal note to a request's timeline. */
export async function addNote(deps: ChangeDeps, userId: number, requestId: string, input: z.output<typeof noteInput>) {
  const { db, clock } = deps;
  const { text } = input;
  const row = await memberRequest(db, userId, requestId);
  const event = await deps.pipeline.commit(db, async (tx, fx) => {
    const [added] = await tx.insert(requestEvents).values({ requestId, type: "note", actorUserId: userId, data: { text }, createdAt: clock.now() }).returning();
    await fx.request("request.updated", row.site.id, requestId);
    return added;
  });
  return { id: event!.id, type: event!.type, at: event!.createdAt.toISOString(), data: event!.data };
}

/** The owner API's customer (one shape for both), plus what only the inbox shows. */
function customerView(c: typeof customers.$inferSelect) {
  return {
    ...apiCustomer(c),
    vip: c.vip,
    verified: c.externalId !== null,
    profile: c.profile,
  };
}

const cursorPattern = /^\d+:[\w-]+$/;

/** A customer's requests, newest first, a page at a time (exported for db/query-plans.test.ts). */
export function customerHistoryQuery(db: Db, customerId: number, before?: string) {
  const conditions: (SQL | undefined)[] = [eq(requests.customerId, customerId)];
  if (before) {
    if (!cursorPattern.test(before)) throw new Invalid("invalid_cursor", "Use the nextCursor from the previous page.");
    const [ms, id] = before.split(":") as [string, string];
    const at = new Date(Number(ms));
    conditions.push(or(lt(requests.createdAt, at), and(eq(requests.createdAt, at), lt(requests.id, id))));
  }
  return db
    .select(summaryColumns)
    .from(requests)
    .innerJoin(customers, eq(customers.id, requests.customerId))
    .where(and(...conditions))
    .orderBy(desc(requests.createdAt), desc(requests.id))
    .limit(PAGE + 1);
}

/** A customer the user may see, and what they have sent: newest first, a page at a time (`before`: a cursor). */
export async function customerDetail(db: Db, userId: number, customerId: number, before?: string) {
  const [row] = await db
    .select({ customer: customers, timezone: sql<string>`json_extract(${sites.settings}, '$.timezone')` })
    .from(customers)
    .innerJoin(sites, eq(sites.id, customers.siteId))
    .innerJoin(siteMembers, and(eq(siteMembers.siteId, customers.siteId), eq(siteMembers.userId, userId)))
    .where(eq(customers.id, customerId));
  if (!row) throw new NotFound("not_found", "There is no such customer in your sites.");
  const rows = await customerHistoryQuery(db, customerId, before);
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  return {
    customer: customerView(row.customer),
    timezone: row.timezone ?? "UTC",
    requests: page.map(toSummary),
    nextCursor: rows.length > PAGE && last ? `${last.request.createdAt.getTime()}:${last.request.id}` : null,
  };
}
