import { customers, chatMessages, requestEvents, requests, sites } from "../src/db/schema.ts";
import type { Db } from "../src/db/client.ts";

/**
 * A week of requests for the reports tests, in America/New_York (UTC-5 all week: after the DST change of
 * 1 Nov 2026). Local times in the comments. With "now" Fri 27 Nov 15:00 local (20:00Z):
 * - answered: r1 30 min, r2 180 min, r3 10 min, r4 720 min → median 180 min;
 * - promise 2 h in business hours (Mon-Fri 9-17): r1, r3, r4 within; r2 late; r5, r7 due unanswered;
 *   r6 not due yet → 3 of 6;
 * - missed calls: r4's no-answer, r6's completed call of 0 s → 2;
 * - spam, the request before the week and another site's request never count.
 */
export async function seedReportWeek(db: Db, siteId: number) {
  const [other] = await db.insert(sites).values({ key: "other", name: "Other", settings: { timezone: "UTC" } }).returning();
  const [jane] = await db.insert(customers).values({ siteId, name: "Jane", firstSeenAt: new Date(0), lastSeenAt: new Date(0) }).returning();
  const [olga] = await db.insert(customers).values({ siteId: other!.id, name: "Olga", firstSeenAt: new Date(0), lastSeenAt: new Date(0) }).returning();
  let ref = 0;
  const request = async (id: string, kind: "callback" | "message" | "chat", at: string, extra: { spam?: boolean; site?: number } = {}) => {
    const createdAt = new Date(at);
    await db.insert(requests).values({
      id,
      siteId: extra.site ?? siteId,
      customerId: extra.site ? olga!.id : jane!.id,
      kind,
      ref: String(++ref),
      fields: kind === "chat" ? { name: "Jane", email: null } : kind === "message" ? { name: "Jane", email: "jane@example.com", topic: null, message: "Hi", extras: {}, consent: null } : { name: "Jane", phone: "+14155550123", when: "asap", note: null, consent: null },
      createdAt,
      updatedAt: createdAt,
      spamAt: extra.spam ? createdAt : null,
    });
  };
  const call = (requestId: string, at: string, status: string, duration?: number) =>
    db.insert(requestEvents).values({ requestId, type: "call", data: { leg: "shopper", status, ...(duration !== undefined && { duration }) }, createdAt: new Date(at) });

  await request("r1", "callback", "2026-11-23T15:00:00Z"); // Mon 10:00
  await call("r1", "2026-11-23T15:30:00Z", "in-progress");
  await call("r1", "2026-11-23T15:32:00Z", "completed", 120);
  await db.insert(requestEvents).values({ requestId: "r1", type: "call", data: { leg: "owner", status: "no-answer" }, createdAt: new Date("2026-11-23T15:01:00Z") }); // the owner's leg: not a missed call

  await request("r2", "message", "2026-11-23T15:20:00Z"); // Mon 10:20
  await db.insert(requestEvents).values({ requestId: "r2", type: "reply", data: { text: "Yes" }, createdAt: new Date("2026-11-23T18:20:00Z") });

  await request("r3", "chat", "2026-11-24T15:05:00Z"); // Tue 10:05
  await db.insert(chatMessages).values({ requestId: "r3", author: "shopper", body: "Hi", via: "widget", createdAt: new Date("2026-11-24T15:05:00Z") });
  await db.insert(chatMessages).values({ requestId: "r3", author: "owner", body: "Hello", via: "inbox", createdAt: new Date("2026-11-24T15:15:00Z") });

  await request("r4", "callback", "2026-11-25T03:00:00Z"); // Tue 22:00, closed: due Wed 11:00
  await call("r4", "2026-11-25T14:30:00Z", "no-answer");
  await call("r4", "2026-11-25T15:00:00Z", "in-progress");

  await request("r5", "message", "2026-11-26T14:00:00Z"); // Thu 09:00, never answered
  await request("r6", "callback", "2026-11-27T19:00:00Z"); // Fri 14:00, due 16:00
  await call("r6", "2026-11-27T19:10:00Z", "completed", 0);
  await request("r7", "message", "2026-11-21T05:30:00Z"); // Sat 00:30, due Mon 11:00

  await request("spam", "message", "2026-11-23T15:10:00Z", { spam: true });
  await request("before", "message", "2026-11-21T04:50:00Z"); // Fri 20 Nov 23:50: not in the last 7 days
  await request("elsewhere", "message", "2026-11-23T15:00:00Z", { site: other!.id });
}
