import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createHarness, MAIL_FROM, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createMember, createOwner, ownerRequest, signIn } from "../../test/owner.ts";
import { seedReportWeek } from "../../test/report-seed.ts";
import { openDatabase } from "../db/client.ts";
import { outbox, siteMembers } from "../db/schema.ts";
import { createWeeklySummaryWorker, lastSummaryTime, setWeeklySummary } from "./weekly-summary.ts";

let h: Harness;
const closers: (() => void)[] = [];
afterEach(async () => {
  closers.splice(0).forEach((close) => close());
  await h?.close();
});

const workerOn = (db: Harness["db"]) => createWeeklySummaryWorker({ db, clock: h.clock, publicUrl: PUBLIC_URL, mailFrom: MAIL_FROM, pollMs: 60_000, log: console, onQueued: () => undefined });

describe("weekly summary email", () => {
  it("is due Monday 08:00 in the site's zone, reporting the Monday-to-Sunday before", () => {
    expect(lastSummaryTime("America/New_York", new Date("2026-11-30T13:05:00Z"))).toEqual({
      week: "2026-11-30",
      dueAt: new Date("2026-11-30T13:00:00Z"),
      weekEnd: new Date("2026-11-30T05:00:00Z"),
    });
    expect(lastSummaryTime("America/New_York", new Date("2026-11-30T12:59:00Z")).week).toBe("2026-11-23");
  });

  it("is off by default; once turned on it lands in the mailbox once, even with the loop run twice in two processes", async () => {
    h = await createHarness({ settings: { timezone: "America/New_York", replyWithinHours: 2 } });
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    await createOwner(h, { email: "quiet@fern.example", siteId: h.site.id }); // never opts in
    const s = await signIn(h, "mara@fern.example");
    await seedReportWeek(h.db, h.site.id);
    // A member who asked for it and was then removed from the team gets nothing.
    const gone = await createMember(h, { email: "gone@fern.example", siteId: h.site.id });
    await setWeeklySummary(h, h.site.id, gone.userId, true);
    await h.db.delete(siteMembers).where(eq(siteMembers.userId, gone.userId));

    h.clock.set("2026-11-23T15:00:00Z"); // Mon 10:00: turned on after this week's send time
    const first = await (await ownerRequest(h, s, "GET", "/api/admin/sites/shop/reports?days=7")).json();
    expect(first.weeklySummary).toBe(false);
    expect((await ownerRequest(h, s, "PUT", "/api/admin/sites/shop/weekly-summary", { enabled: "yes" })).status).toBe(400);
    expect((await ownerRequest(h, s, "PUT", "/api/admin/sites/shop/weekly-summary", { enabled: true })).status).toBe(200);
    expect((await (await ownerRequest(h, s, "GET", "/api/admin/sites/shop/reports?days=7")).json()).weeklySummary).toBe(true);
    expect(await workerOn(h.db).drain()).toBe(0); // the first comes next Monday

    h.clock.set("2026-11-30T13:05:00Z"); // Mon 08:05 in New York
    const other = await openDatabase(`file:${h.dbFile}`);
    closers.push(() => other.close());
    // The local driver is synchronous, so two processes are tried one after the other (as in reminder-worker.test.ts).
    expect(await workerOn(h.db).drain()).toBe(1);
    expect(await workerOn(h.db).drain()).toBe(0); // the loop again
    expect(await workerOn(other.db).drain()).toBe(0); // another process
    expect(await workerOn(h.db).drain()).toBe(0); // a restart
    await h.worker.drain();

    const mails = h.smtp.mails.filter((m) => m.parsed.subject?.startsWith("Your week"));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(["mara@fern.example"]);
    expect(mail.parsed.subject).toBe("Your week at Test Shop: 6 requests");
    expect(mail.parsed.text).toContain("Your week at Test Shop, Mon 23 Nov to Sun 29 Nov");
    expect(mail.parsed.text).toContain("Requests: 6 (call-backs 3, messages 2, chats 1)");
    expect(mail.parsed.text).toContain("Median time to first answer: 3 h");
    expect(mail.parsed.text).toContain("Answered within your promise (2 h): 50% (3 of 6)");
    expect(mail.parsed.text).toContain("Missed calls: 2");
    expect(mail.parsed.text).toContain("Busiest hour: Monday 10:00 (2 requests)");
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/admin/sites/shop/reports`);
    expect(mail.parsed.html).toContain('<th scope="row"');
    expect(await h.db.select().from(outbox).where(eq(outbox.kind, "weekly_summary"))).toHaveLength(1);

    await ownerRequest(h, s, "PUT", "/api/admin/sites/shop/weekly-summary", { enabled: false });
    h.clock.set("2026-12-07T13:05:00Z");
    expect(await workerOn(h.db).drain()).toBe(0);
  });
});
