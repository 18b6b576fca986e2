import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { events } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { sseText } from "../../test/sse-text.ts";

let h: Harness;
let owner: OwnerSession;
afterEach(async () => h?.close());

const token = "shopper-token-0123456789abcdefghijklmnop";
const base = "/api/v1/sites/shop/chats";

async function setUp() {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"], ownerFirstName: "Mara" } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  owner = await signIn(h, "mara@fern.example");
  const chat = await (await post(h, base, { token, message: "Is the blue vase in stock?" })).json();
  return chat as { id: string; messages: { id: number }[]; lastEventId: number };
}

const storedTypes = async () => (await h.db.select({ type: events.type }).from(events).where(sql`${events.type} like '%typing%' or ${events.type} like '%seen%'`)).map((r) => r.type);

it("the shopper's typing reaches the owner's open inbox, throttled, and is never stored", async () => {
  const chat = await setUp();
  const inbox = sseText(await ownerRequest(h, owner, "GET", "/api/admin/sites/shop/events"));
  await inbox.until((t) => t.includes("event: ready"));
  expect((await post(h, `${base}/${chat.id}/typing`, { token })).status).toBe(204);
  const text = await inbox.until((t) => t.includes("event: chat.typing"));
  expect(text).toContain(`"requestId":"${chat.id}"`);
  // A second one within 2 s is dropped; after 2 s it goes through again.
  await post(h, `${base}/${chat.id}/typing`, { token });
  h.clock.advance(2000);
  await post(h, `${base}/${chat.id}/typing`, { token });
  const more = await inbox.until((t) => t.split("event: chat.typing").length === 3);
  expect(more.split("event: chat.typing").length).toBe(3);
  await inbox.cancel();
  expect(await storedTypes()).toEqual([]);
  // Someone else's token is refused like an unknown chat.
  expect((await post(h, `${base}/${chat.id}/typing`, { token: "x".repeat(40) })).status).toBe(404);
});

it("the owner's typing reaches the shopper's stream, and is never stored", async () => {
  const chat = await setUp();
  const stream = sseText(await h.app.request(`${base}/${chat.id}/events?token=${token}&lastEventId=${chat.lastEventId}`));
  await stream.until((t) => t.includes("event: ready"));
  expect((await ownerRequest(h, owner, "POST", `/api/admin/requests/${chat.id}/typing`)).status).toBe(204);
  await stream.until((t) => t.includes("event: typing"));
  await stream.cancel();
  expect(await storedTypes()).toEqual([]);
});

it("opening the chat in the owner app shows the shopper 'Seen'; the widget showing an answer shows the owner 'Read'", async () => {
  const chat = await setUp();
  const first = chat.messages[0]!.id;
  const stream = sseText(await h.app.request(`${base}/${chat.id}/events?token=${token}&lastEventId=${chat.lastEventId}`));
  await stream.until((t) => t.includes("event: ready"));
  const transcript = async () => (await h.app.request(`${base}/${chat.id}?token=${token}`)).json();
  expect((await transcript()).ownerSeenUpTo).toBe(0);

  const opened = await ownerRequest(h, owner, "GET", `/api/admin/requests/${chat.id}`);
  expect(opened.status).toBe(200);
  const text = await stream.until((t) => t.includes("event: seen"));
  expect(text).toContain(`{"upTo":${first}}`);
  await stream.cancel();
  expect((await transcript()).ownerSeenUpTo).toBe(first);

  // The owner answers; the shopper's widget shows it and says so; the owner's inbox hears "read".
  await ownerRequest(h, owner, "POST", `/api/admin/requests/${chat.id}/messages`, { text: "Yes, two left." });
  const answer = (await transcript()).messages.at(-1).id as number;
  const inbox = sseText(await ownerRequest(h, owner, "GET", "/api/admin/sites/shop/events"));
  await inbox.until((t) => t.includes("event: ready"));
  await post(h, `${base}/${chat.id}/seen`, { token, upTo: answer });
  expect(await inbox.until((t) => t.includes("event: chat.seen"))).toContain(`"upTo":${answer}`);
  await inbox.cancel();
  const detail = await (await ownerRequest(h, owner, "GET", `/api/admin/requests/${chat.id}`)).json();
  expect(detail.chat.shopperSeenId).toBe(answer);
  expect(await storedTypes()).toEqual([]);
});
