import { afterEach, describe, expect, it, vi } from "vitest";
import { chatMessages, requestEvents, requests } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { firstAnswerTimes, median, MIN_ANSWERED, replyTimeLine } from "./reply-stats.ts";

const MIN = 60_000;

describe("reply time from real answers", () => {
  it("takes the median, the larger middle one for an even count", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(3);
  });

  it("says nothing with fewer than 5 answered requests", () => {
    expect(MIN_ANSWERED).toBe(5);
    expect(replyTimeLine([MIN, MIN, MIN, MIN])).toBeNull();
    expect(replyTimeLine([MIN, MIN, MIN, MIN, MIN])).toBe("Usually answers within 5 minutes");
  });

  it("rounds up, never better than the truth", () => {
    expect(replyTimeLine(Array(5).fill(61 * MIN))).toBe("Usually answers within 2 hours");
    expect(replyTimeLine(Array(5).fill(12 * MIN))).toBe("Usually answers within 15 minutes");
    expect(replyTimeLine([10, 20, 90, 100, 110].map((m) => m * MIN))).toBe("Usually answers within 2 hours");
    expect(replyTimeLine(Array(5).fill(50 * 60 * MIN))).toBe("Usually answers within 3 days");
  });
});

let h: Harness;
afterEach(async () => h?.close());

describe("first answers in the database", () => {
  it("counts email replies and owner chat lines, not unanswered requests, and shows the line in the config only from 5", async () => {
    h = await createHarness();
    const now = h.clock.now();
    const at = (min: number) => new Date(now.getTime() + min * MIN);
    for (let i = 0; i < 5; i++) {
      await post(h, "/api/v1/sites/shop/messages", { name: "Ann", email: `ann${i}@example.com`, message: "hi" });
    }
    const rows = await h.db.select().from(requests);
    expect((await (await h.app.request("/api/v1/sites/shop/config")).json()).trust).toEqual([]);
    for (const [i, r] of rows.slice(0, 4).entries()) await h.db.insert(requestEvents).values({ requestId: r.id, type: "reply", data: { text: "ok" }, createdAt: at(30 + i * 30) });
    await h.db.insert(chatMessages).values({ requestId: rows[4]!.id, author: "owner", body: "hello", via: "inbox", createdAt: at(200) });
    const times = await firstAnswerTimes(h.db, h.site.id, at(300));
    expect(times.sort((a, b) => a - b)).toEqual([30, 60, 90, 120, 200].map((m) => m * MIN));
    h.clock.advance(11 * MIN); // past the config's cache: this config still has the old figure, and asks for a new one
    expect((await (await h.app.request("/api/v1/sites/shop/config")).json()).trust).toEqual([]);
    await vi.waitFor(async () => expect((await (await h.app.request("/api/v1/sites/shop/config")).json()).trust).toEqual(["Usually answers within 2 hours"]));
  });
});
