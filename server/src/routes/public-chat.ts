import type { Pipeline } from "../pipeline/commit.ts";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { EventLog } from "../events/event-log.ts";
import { eventStream } from "../events/event-stream.ts";
import { ApiError } from "../http/errors.ts";
import type { SiteVars } from "../http/site-access.ts";
import { assertChatOffered, chatEmailInput, lineInput, markChatSeen, postShopperLine, seenInput, setChatEmail, shopperView, startChat, startInput } from "../chat/chat.ts";
import { checkSubmission, readRawShopperBody, readShopperBody } from "./shopper-input.ts";
import { chatTopic, shopperChat } from "../chat/chat-access.ts";
import { announceShopperRead, shopperTyping, typingInput, typingThrottle } from "../chat/chat-live.ts";
import { honeypotFilled } from "../intake/intake.ts";
import type { SenderCheck } from "../spam/screen.ts";
import type { Counters } from "../rate-limit/counters.ts";
import { everyRequestLimit } from "../rate-limit/submission-limits.ts";

export type PublicChatDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  events: EventLog;
  counters: Counters;
  /** Rate limit for starting chats (the public API's submission limits). */
  startLimits: MiddlewareHandler<SiteVars>;
  /** Screens a new chat for spam (blocked sender, proof of work). */
  sender: (c: Context<SiteVars>, body: unknown) => SenderCheck;
  /** Every chat change goes through it: events in the transaction, wakes after the commit. */
  pipeline: Pipeline;
  keepAliveMs?: number;
};

/**
 * The shopper's side of live chat: start, write, leave an email, mark as read, and a resumable event
 * stream. The chat token (made by the widget) is in the body, or in `?token=` for the stream, which
 * an EventSource cannot give headers.
 */
export function publicChat(deps: PublicChatDeps) {
  const app = new Hono<SiteVars>();
  const { db, clock } = deps;
  const limitBody = bodyLimit({
    maxSize: 8 * 1024,
    onError: () => {
      throw new ApiError(413, "payload_too_large", "That message is too long.");
    },
  });
  // A person types a few lines a minute; this stops a script, not a chatty shopper.
  const perChat = everyRequestLimit(
    deps,
    (c) => ({ key: `chat:${c.req.param("id")}`, limit: 30, windowMs: 60_000 }),
    "You are sending messages too quickly. Wait a moment.",
  );

  app.post("/sites/:site/chats", limitBody, deps.startLimits, async (c) => {
    const body = await readRawShopperBody(c);
    if (honeypotFilled(body)) c.set("submissionRejected", true);
    // A chat stored as spam still answers like any other, but counts as rejected for the rate limits.
    const check = deps.sender(c, body);
    const sender: SenderCheck = {
      senderHash: check.senderHash,
      screen: async (who) => {
        const reason = await check.screen(who);
        if (reason) c.set("submissionRejected", true);
        return reason;
      },
    };
    assertChatOffered(c.get("site")); // before the fields: a closed chat says so whatever was sent
    const chat = await startChat(deps, c.get("site"), await checkSubmission(c, db, startInput, body), { origin: c.req.header("origin"), sender });
    return c.json(chat, 201);
  });

  app.get("/sites/:site/chats/:id", async (c) => c.json(await shopperView(db, c.get("site"), c.req.param("id"), c.req.query("token"), clock.now())));

  app.post("/sites/:site/chats/:id/messages", limitBody, perChat, async (c) => {
    const { message } = await postShopperLine(deps, c.get("site"), c.req.param("id"), await readShopperBody(c, lineInput));
    return c.json({ message }, 201);
  });

  app.post("/sites/:site/chats/:id/email", limitBody, perChat, async (c) => {
    const answer = await setChatEmail(deps, c.get("site"), c.req.param("id"), await readShopperBody(c, chatEmailInput));
    return c.json(answer);
  });

  app.post("/sites/:site/chats/:id/seen", limitBody, async (c) => {
    const body = await readShopperBody(c, seenInput, { localized: false });
    await markChatSeen(db, c.get("site"), c.req.param("id"), body);
    announceShopperRead(deps.events, c.get("site").id, c.req.param("id"), body.upTo);
    return c.body(null, 204);
  });

  const typing = typingThrottle();
  app.post("/sites/:site/chats/:id/typing", limitBody, async (c) => {
    await shopperTyping(deps, typing, c.get("site"), c.req.param("id"), await readShopperBody(c, typingInput, { localized: false }));
    return c.body(null, 204);
  });

  app.get("/sites/:site/chats/:id/events", async (c) => {
    const site = c.get("site");
    const { request } = await shopperChat(db, site.id, c.req.param("id"), c.req.query("token"));
    return eventStream(c, {
      log: deps.events,
      filter: { siteId: site.id, topic: chatTopic(request.id) },
      keepAliveMs: deps.keepAliveMs ?? 25_000,
      render: async (event) => ({ event: event.type, data: event.data }),
    });
  });

  return app;
}
