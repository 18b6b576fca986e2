import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness.ts";
import { createMember, createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { seedReportWeek } from "../../test/report-seed.ts";
import { requestRatings, requests } from "../db/schema.ts";

let h: Harness;
let s: OwnerSession;
afterEach(async () => h?.close());

async function setUp() {
  h = await createHarness({ settings: { timezone: "America/New_York", replyWithinHours: 2 } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  s = await signIn(h, "mara@fern.example");
  await seedReportWeek(h.db, h.site.id);
  h.clock.set("2026-11-27T20:00:00Z"); // Fri 15:00 in New York
}
const report = async (days: number, session = s) => {
  const res = await ownerRequest(h, session, "GET", `/api/admin/sites/shop/reports?days=${days}`);
  expect(res.status).toBe(200);
  return (await res.json()).report;
};

/** The heat map's non-empty cells as "weekday hour: n" (0 = Monday). */
const cells = (grid: number[][]) => grid.flatMap((hours, day) => hours.flatMap((n, hour) => (n ? [`${day} ${hour}: ${n}`] : [])));

describe("GET /api/admin/sites/:site/reports", () => {
  it("counts a seeded week: per day and channel, median first answer, share within the promise, missed calls, busiest hours", async () => {
    await setUp();
    const r = await report(7);
    expect(r.timeZone).toBe("America/New_York");
    expect(r.from).toBe("2026-11-21T05:00:00.000Z");
    expect(r.perDay).toEqual([
      { date: "2026-11-21", callback: 0, message: 1, chat: 0 },
      { date: "2026-11-22", callback: 0, message: 0, chat: 0 },
      { date: "2026-11-23", callback: 1, message: 1, chat: 0 },
      { date: "2026-11-24", callback: 1, message: 0, chat: 1 },
      { date: "2026-11-25", callback: 0, message: 0, chat: 0 },
      { date: "2026-11-26", callback: 0, message: 1, chat: 0 },
      { date: "2026-11-27", callback: 1, message: 0, chat: 0 },
    ]);
    expect(r.totals).toEqual({ requests: 7, callback: 3, message: 3, chat: 1 });
    expect(r.firstAnswer).toEqual({ answered: 4, medianMs: 180 * 60_000 });
    expect(r.withinPromise).toEqual({ promiseHours: 2, due: 6, within: 3, share: 0.5 });
    expect(r.missedCalls).toBe(2);
    expect(cells(r.busiestHours)).toEqual(["0 10: 2", "1 10: 1", "1 22: 1", "3 9: 1", "4 14: 1", "5 0: 1"]);
  });

  it("counts the ratings shoppers gave in the period, by score (issue #14)", async () => {
    await setUp();
    const [a, b, c] = await h.db.select({ id: requests.id }).from(requests).limit(3);
    const at = (iso: string) => new Date(iso);
    await h.db.insert(requestRatings).values([
      { requestId: a!.id, siteId: h.site.id, score: "good", via: "widget", createdAt: at("2026-11-24T15:00:00Z") },
      { requestId: b!.id, siteId: h.site.id, score: "bad", comment: "Nobody called", via: "email", createdAt: at("2026-11-26T15:00:00Z") },
      { requestId: c!.id, siteId: h.site.id, score: "good", via: "widget", createdAt: at("2026-11-10T15:00:00Z") }, // before the week
    ]);
    expect((await report(7)).ratings).toEqual({ good: 1, okay: 0, bad: 1 });
    expect((await report(30)).ratings).toEqual({ good: 2, okay: 0, bad: 1 });
  });

  it("reaches back 30 days on request, and a member sees the same figures", async () => {
    await setUp();
    await createMember(h, { email: "sam@fern.example", siteId: h.site.id });
    const r = await report(30, await signIn(h, "sam@fern.example"));
    expect(r.perDay).toHaveLength(30);
    expect(r.perDay[0].date).toBe("2026-10-29");
    expect(r.totals).toEqual({ requests: 8, callback: 3, message: 4, chat: 1 });
    expect(cells(r.busiestHours)).toContain("4 23: 1"); // Fri 20 Nov 23:50 local, Sat 04:50 UTC
  });

  it("refuses other periods, naming the field", async () => {
    await setUp();
    const res = await ownerRequest(h, s, "GET", "/api/admin/sites/shop/reports?days=14");
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual({ days: "Choose 7, 30, 90 days." });
    expect((await ownerRequest(h, s, "GET", "/api/admin/sites/other/reports?days=7")).status).toBe(404);
  });
});
