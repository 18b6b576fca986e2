import { Hono } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { ApiError } from "../http/errors.ts";
import type { AdminVars } from "../http/session.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import { addNote, changeStatus, customerDetail, memberRequest, noteInput, requestDetail, statusInput } from "../inbox/inbox.ts";
import { readBody } from "../http/json-body.ts";
import { markAsSpam, markNotSpam } from "../spam/blocklist.ts";
import { callingCapability, type VoiceCaller } from "../providers/twilio/voice.ts";
import { retryNotification } from "../outbox/retry-now.ts";
import { startBridge } from "../calls/call-bridge.ts";
import { answerInput, postOwnerLine } from "../chat/chat-owner.ts";
import { replyInput, sendReply } from "../inbox/replies.ts";
import type { EventLog } from "../events/event-log.ts";
import { markOwnerRead, ownerTyping, typingThrottle } from "../chat/chat-live.ts";
import { customerRatings, ratingOf } from "../ratings/ratings.ts";

export type RequestRouteDeps = {
  db: Db;
  clock: Clock;
  mailFrom: { address: string };
  publicUrl: string;
  voice: VoiceCaller | undefined;
  /** Every change goes through it: events in the transaction, wakes after the commit. */
  pipeline: Pipeline;
  events: EventLog;
};

/** One request and one customer at a time: detail, status, notes. */
export function requestRoutes(deps: RequestRouteDeps) {
  const app = new Hono<AdminVars>();
  const { db, clock } = deps;
  const userId = (c: { get(k: "session"): { user: { id: number } } }) => c.get("session").user.id;

  // The detail, plus whether "Call now" can work on this server (the page explains what is missing).
  const detail = async (id: string, user: number) => ({ ...(await requestDetail(db, user, id)), calling: callingCapability(deps.voice), rating: await ratingOf(db, id) });

  app.get("/requests/:id", async (c) => {
    const shown = await detail(c.req.param("id"), userId(c));
    // The owner has the chat open: what it shows counts as read ("Seen" in the shopper's widget).
    if (shown.request.kind === "chat") await markOwnerRead(deps, shown.request.id);
    return c.json(shown);
  });

  const typing = typingThrottle();
  app.post("/requests/:id/typing", async (c) => {
    await ownerTyping(deps, typing, userId(c), c.req.param("id"));
    return c.body(null, 204);
  });

  // "Retry now" on a failed notification: back in the outbox, due at once.
  app.post("/requests/:id/notifications/:nid/retry", async (c) => {
    const id = c.req.param("id");
    await retryNotification(deps, userId(c), id, Number(c.req.param("nid")));
    return c.json(await detail(id, userId(c)));
  });

  app.patch("/requests/:id", async (c) => {
    const { request } = await changeStatus(deps, userId(c), c.req.param("id"), await readBody(c, statusInput));
    return c.json({ request });
  });

  app.post("/requests/:id/notes", async (c) => {
    const event = await addNote(deps, userId(c), c.req.param("id"), await readBody(c, noteInput));
    return c.json({ event }, 201);
  });

  app.post("/requests/:id/replies", async (c) => {
    const id = c.req.param("id");
    await sendReply(deps, userId(c), id, await readBody(c, replyInput));
    return c.json(await detail(id, userId(c)), 201);
  });

  app.post("/requests/:id/messages", async (c) => {
    const { message } = await postOwnerLine(deps, userId(c), c.req.param("id"), await readBody(c, answerInput), "inbox");
    return c.json({ message }, 201);
  });

  // "Mark as spam": blocks the sender on this site and moves their requests to the Spam view.
  app.post("/requests/:id/spam", async (c) => {
    const { request } = await memberRequest(db, userId(c), c.req.param("id"));
    const moved = await markAsSpam(deps, userId(c), request);
    return c.json({ moved });
  });
  app.delete("/requests/:id/spam", async (c) => {
    const { request } = await memberRequest(db, userId(c), c.req.param("id"));
    await markNotSpam(deps, userId(c), request);
    return c.body(null, 204);
  });

  // "Call now": rings the owner, whispers, then bridges the shopper in (see call-bridge.ts).
  app.post("/requests/:id/call", async (c) => {
    const { call } = await startBridge(deps, userId(c), c.req.param("id"));
    return c.json({ call }, 202);
  });

  app.get("/customers/:id", async (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isSafeInteger(id)) throw new ApiError(404, "not_found", "There is no such customer in your sites.");
    const customer = await customerDetail(db, userId(c), id, c.req.query("before"));
    // Issue #14: what this customer said when asked "How did we do?" (checked as theirs above).
    return c.json({ ...customer, ratings: await customerRatings(db, id) });
  });

  return app;
}
