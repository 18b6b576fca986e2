import { afterEach, expect, it } from "vitest";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

const token = "shopper-token-0123456789abcdefghijklmnop";

it("the transcript says how far the shopper has seen, so an unread answer stays unread after a reload", async () => {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"] } });
  await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
  const owner = await signIn(h, "owner@shop.example");
  const started = await (await post(h, "/api/v1/sites/shop/chats", { token, message: "Open on Sunday?" })).json();
  expect(started.seenUpTo).toBe(0);
  const answered = await ownerRequest(h, owner, "POST", `/api/admin/requests/${started.id}/messages`, { text: "Yes, 10 to 2." });
  expect(answered.status).toBeLessThan(300);
  const transcript = async () => (await h.app.request(`/api/v1/sites/shop/chats/${started.id}?token=${token}`)).json();
  const before = await transcript();
  const answer = before.messages.find((m: { author: string }) => m.author === "owner");
  expect(before.seenUpTo).toBe(0); // not shown yet: unread
  await post(h, `/api/v1/sites/shop/chats/${started.id}/seen`, { token, upTo: answer.id });
  expect((await transcript()).seenUpTo).toBe(answer.id);
});
