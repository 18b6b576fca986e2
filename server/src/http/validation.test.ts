import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { chatMessages, requestEvents, requests } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";
import { stripControlCharacters, typedText } from "./validation.ts";

let h: Harness;
afterEach(async () => h?.close());

describe("typed text", () => {
  it("strips control characters but keeps newlines, tabs and every script", () => {
    expect(stripControlCharacters("a\0b\u0007c\u001b[31md\u007f\u0085e\r\nf\tg")).toBe("abc[31mde\nf\tg");
    expect(stripControlCharacters("Привет, مرحبا 👋")).toBe("Привет, مرحبا 👋");
    expect(typedText().trim().min(1).safeParse("\0").success).toBe(false);
    expect(typedText().trim().min(1).safeParse(" \0\u0001 ").success).toBe(false);
  });

  it("treats every channel alike: call-backs, messages, chat lines, names, notes and replies", async () => {
    h = await createHarness({ settings: { channels: ["callback", "message", "chat"] } });
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const s = await signIn(h, "owner@shop.example");

    const empty = await post(h, "/api/v1/sites/shop/callbacks", { name: "\0", phone: "+14155550123", note: "\0\0" });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.fields).toHaveProperty("name");

    const callback = await (await post(h, "/api/v1/sites/shop/callbacks", { name: "Ja\0ne", phone: "+14155550123", note: "call\0 me\u0007" })).json();
    const message = await (await post(h, "/api/v1/sites/shop/messages", { name: "Ra\0vi", email: "ravi@example.com", message: "a\0b" })).json();
    const chat = await (await post(h, "/api/v1/sites/shop/chats", { token: "shopper-token-0123456789abcdefghijklmnop", message: "hel\0lo" })).json();
    const line = await post(h, `/api/v1/sites/shop/chats/${chat.id}/messages`, { token: "shopper-token-0123456789abcdefghijklmnop", message: "\0" });
    expect(line.status).toBe(400);
    await post(h, `/api/v1/sites/shop/chats/${chat.id}/messages`, { token: "shopper-token-0123456789abcdefghijklmnop", message: "x\0y" });

    expect((await ownerRequest(h, s, "POST", `/api/admin/requests/${callback.id}/notes`, { text: "\0" })).status).toBe(400);
    expect((await ownerRequest(h, s, "POST", `/api/admin/requests/${callback.id}/notes`, { text: "no\0te" })).status).toBe(201);
    expect((await ownerRequest(h, s, "POST", `/api/admin/requests/${message.id}/replies`, { text: "re\0ply" })).status).toBe(201);
    expect((await ownerRequest(h, s, "POST", `/api/admin/requests/${chat.id}/messages`, { text: "\0" })).status).toBe(400);
    expect((await ownerRequest(h, s, "POST", `/api/admin/requests/${chat.id}/messages`, { text: "an\0swer" })).status).toBe(201);

    const stored = async (id: string) => (await h.db.select().from(requests).where(eq(requests.id, id)))[0]!.fields;
    expect(await stored(callback.id)).toMatchObject({ name: "Jane", note: "call me" });
    expect(await stored(message.id)).toMatchObject({ name: "Ravi", message: "ab" });
    expect((await h.db.select().from(chatMessages).where(eq(chatMessages.requestId, chat.id))).map((m) => m.body)).toEqual(["hello", "xy", "answer"]);
    const texts = (await h.db.select().from(requestEvents)).map((e) => e.data.text).filter(Boolean);
    expect(texts).toEqual(expect.arrayContaining(["note", "reply"]));
  });
});
