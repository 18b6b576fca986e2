import { Hono } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import type { SiteVars } from "../http/site-access.ts";
import type { Counters } from "../rate-limit/counters.ts";
import { everyRequestLimit } from "../rate-limit/submission-limits.ts";
import { emailChat, emailChatInput, rateChat, rateChatInput } from "../chat/chat-after.ts";
import { readShopperBody } from "./shopper-input.ts";

export type PublicChatAfterDeps = {
  db: Db;
  clock: Clock;
  pipeline: Pipeline;
  counters: Counters;
  publicUrl: string;
  linkSecret: string;
  mailFrom: { name: string; address: string };
};

/** "Email me this chat" (at most once a minute per chat) and the rating of a done chat, with the chat token. */
export function publicChatAfter(deps: PublicChatAfterDeps) {
  const app = new Hono<SiteVars>();
  const oncePerMinute = everyRequestLimit(deps, (c) => ({ key: `transcript:${c.req.param("id")}`, limit: 1, windowMs: 60_000 }), "The chat was just sent. Try again in a minute.");

  app.post("/sites/:site/chats/:id/transcript", oncePerMinute, async (c) => c.json(await emailChat(deps, c.get("site"), c.req.param("id"), await readShopperBody(c, emailChatInput))));

  app.post("/sites/:site/chats/:id/rating", async (c) => c.json({ rating: await rateChat(deps, c.get("site"), c.req.param("id"), await readShopperBody(c, rateChatInput)) }, 201));

  return app;
}
