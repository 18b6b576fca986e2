import { afterEach, describe, expect, it, vi } from "vitest";
import type { Send } from "../panel-host.ts";
import { createChatSession } from "./chat-session.ts";

class FakeEventSource {
  addEventListener() {}
  close() {}
}

/** A `send` that records every post and answers like the server would. */
function recordingSend() {
  const posts: { path: string; body: Record<string, unknown>; key: string | undefined }[] = [];
  const send = (async (path: string, body: object, key?: string) => {
    posts.push({ path, body: body as Record<string, unknown>, key });
    if (path === "chats") return { ok: true, status: 201, data: { id: "c1", messages: [], email: null, ownerAvailable: false, lastEventId: 0 } };
    return { ok: true, status: 201, data: { message: { id: 2, author: "shopper", body: "More", at: new Date().toISOString(), by: null, clientId: (body as { clientId: string }).clientId } } };
  }) as Send;
  return { send, posts };
}

describe("the chat session", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("posts through the panel host's send, like the forms, without an Idempotency-Key", async () => {
    vi.stubGlobal("EventSource", FakeEventSource);
    const { send, posts } = recordingSend();
    const chat = createChatSession(send, "https://beckon.example/api/v1/sites/demo", "demo", () => {});
    expect(await chat.start({ name: "Jane", email: "", message: " Hello ", company: "", consent: false })).toBe(true);
    await chat.say("More");
    expect(posts.map((p) => [p.path, p.key])).toEqual([
      ["chats", undefined],
      ["chats/c1/messages", undefined],
    ]);
    expect(posts[0]!.body).toMatchObject({ name: "Jane", message: "Hello" });
    expect(posts[1]!.body).toMatchObject({ message: "More", token: posts[0]!.body.token });
    expect(chat.state.lines.map((l) => l.body)).toEqual(["More"]);
  });
});
