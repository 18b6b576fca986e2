import { eq } from "drizzle-orm";
import { solveChallenge } from "altcha-lib/v1";
import { afterEach, describe, expect, it } from "vitest";
import { blocklist, outbox, requests } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
let s: OwnerSession;
afterEach(async () => h?.close());

const jane = { name: "Jane Doe", phone: "+14155550123" };
const from = (ip: string) => ({ "X-Forwarded-For": ip });

async function solved() {
  const challenge = await (await h.app.request("/api/v1/sites/shop/challenge")).json();
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  return { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution!.number, salt: challenge.salt, signature: challenge.signature };
}
const stored = async (id: string) => (await h.db.select().from(requests).where(eq(requests.id, id)))[0]!;
const alertsFor = async (id: string) => h.db.select().from(outbox).where(eq(outbox.requestId, id));
const submit = async (body: Record<string, unknown>, ip = "203.0.113.5") => {
  const res = await post(h, "/api/v1/sites/shop/callbacks", body, from(ip));
  expect(res.status).toBe(201);
  h.clock.advance(1000);
  return (await res.json()).id as string;
};

describe("proof of work", () => {
  it("accepts a solved challenge once; a replay, a missing or an expired one is stored as spam and alerts nobody", async () => {
    h = await createHarness({ challenge: { maxNumber: 2000, ttlMs: 10 * 60_000 } });
    const challengeRes = await h.app.request("/api/v1/sites/shop/challenge");
    expect(challengeRes.headers.get("cache-control")).toBe("no-store");

    const altcha = await solved();
    const good = await submit({ ...jane, altcha });
    expect((await stored(good)).spamAt).toBeNull();
    expect(await alertsFor(good)).toHaveLength(1);

    const replay = await submit({ ...jane, phone: "+14155550124", altcha });
    const none = await submit({ ...jane, phone: "+14155550125" });
    const wrong = await submit({ ...jane, phone: "+14155550126", altcha: { ...(await solved()), number: 99_999 } });
    const late = await solved();
    h.clock.advance(11 * 60_000);
    const expired = await submit({ ...jane, phone: "+14155550127", altcha: late });
    for (const id of [replay, none, wrong, expired]) {
      expect(await stored(id)).toMatchObject({ spamReason: "no_challenge" });
      expect(await alertsFor(id)).toHaveLength(0);
    }
  });

  it("is off when not configured (404), and submissions need none", async () => {
    h = await createHarness();
    expect((await h.app.request("/api/v1/sites/shop/challenge")).status).toBe(404);
    expect((await stored(await submit(jane))).spamAt).toBeNull();
  });
});

describe("mark as spam", () => {
  async function setUp() {
    h = await createHarness({ settings: { channels: ["callback", "message", "chat"], shopperSms: { enabled: true, dailyCap: 20, countries: [] } } as never });
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    s = await signIn(h, "owner@shop.example");
  }
  const list = async (query = "") => ((await (await ownerRequest(h, s, "GET", `/api/admin/sites/shop/requests${query}`)).json()).requests as { id: string; spam: string | null }[]).map((r) => r.id);

  it("blocks the sender's phone, email and address, moves their requests to Spam, and never alerts for them again", async () => {
    await setUp();
    const first = await submit({ ...jane, consent: true }, "198.51.100.9");
    const second = await submit({ ...jane, note: "again" }, "198.51.100.10");
    const bystander = await submit({ name: "Ravi", phone: "+12125550175" }, "203.0.113.77");
    expect(await list()).toEqual([bystander, second, first]);

    const res = await ownerRequest(h, s, "POST", `/api/admin/requests/${first}/spam`);
    expect(res.status).toBe(200);
    expect(new Set((await res.json()).moved)).toEqual(new Set([first, second]));
    expect(await list()).toEqual([bystander]);
    expect(await list("?status=spam")).toEqual([second, first]);
    expect(await list("?status=new")).toEqual([bystander]);
    expect((await h.db.select().from(blocklist)).map((b) => b.kind).sort()).toEqual(["phone", "sender"]);

    // The same phone from a new address, and a new phone from the blocked address: stored as spam, no SMS.
    const samePhone = await submit({ ...jane, consent: true }, "192.0.2.200");
    const sameAddress = await submit({ name: "Bot", phone: "+14155550188" }, "198.51.100.9");
    for (const id of [samePhone, sameAddress]) {
      expect(await stored(id)).toMatchObject({ spamReason: "blocked_sender" });
      expect(await alertsFor(id)).toHaveLength(0);
    }
    // A message from an email marked as spam, and a chat from it
    const message = await (await post(h, "/api/v1/sites/shop/messages", { name: "Spammer", email: "spam@bad.example", message: "Buy now" }, from("192.0.2.9"))).json();
    await ownerRequest(h, s, "POST", `/api/admin/requests/${message.id}/spam`);
    const again = await (await post(h, "/api/v1/sites/shop/messages", { name: "Spammer", email: "SPAM@bad.example", message: "Buy now!" }, from("192.0.2.10"))).json();
    const chat = await (await post(h, "/api/v1/sites/shop/chats", { token: "shopper-token-0123456789abcdefghijklmnop", email: "spam@bad.example", message: "hi" }, from("192.0.2.11"))).json();
    for (const id of [again.id, chat.id]) {
      expect(await stored(id)).toMatchObject({ spamReason: "blocked_sender" });
      expect(await alertsFor(id)).toHaveLength(0);
    }
    await h.worker.drain();
    // Not even the first message's alert: it was still waiting when the owner marked it.
    expect(h.twilio.messages.map((m) => m.body).join("\n")).not.toMatch(/Bot|Buy now|Spammer/);
    expect((await alertsFor(message.id)).map((a) => a.status)).toEqual(["skipped", "skipped", "skipped"]);

    // An address block lasts a day; a phone block stays.
    h.clock.advance(25 * 3600_000);
    expect((await stored(await submit({ name: "New", phone: "+14155550189" }, "198.51.100.9"))).spamAt).toBeNull();
    expect((await stored(await submit(jane, "192.0.2.202"))).spamReason).toBe("blocked_sender");

    // "Not spam" brings it back and unblocks the sender.
    expect((await ownerRequest(h, s, "DELETE", `/api/admin/requests/${first}/spam`)).status).toBe(204);
    expect(await list()).toContain(first);
    expect((await stored(await submit(jane, "192.0.2.201"))).spamAt).toBeNull();
  });
});
