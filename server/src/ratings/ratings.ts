// Issue #14: "How did we do?" once a request is done: good / okay / bad and an optional comment, at
// most one per request (request_ratings.request_id is unique). From the widget (chat token) or from the
// signed link in the transcript email; the owner sees it on the request and customer pages.
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { requestRatings, requests, type RatingScore } from "../db/schema.ts";
import { Conflict } from "../domain-errors.ts";
import { INBOX_TOPIC } from "../events/inbox-events.ts";
import type { ChangeDeps } from "../pipeline/commit.ts";

export const RATING_SCORES = ["good", "okay", "bad"] as const satisfies readonly RatingScore[];

/** What the shopper sends: a score and, if they like, a few words. */
export const ratingInput = z.object({
  score: z.enum(RATING_SCORES, { error: "Choose good, okay or bad." }),
  comment: z
    .string()
    .trim()
    .max(1000, "Please keep it under 1,000 characters.")
    .optional()
    .transform((c) => c || null),
});

export type RatingView = { score: RatingScore; comment: string | null; via: "widget" | "email"; at: string };

const view = (r: typeof requestRatings.$inferSelect): RatingView => ({ score: r.score, comment: r.comment, via: r.via, at: r.createdAt.toISOString() });

/**
 * Records the rating of a done request. A second one, or one for a request not done, is a Conflict
 * (409). Goes through the pipeline: the inbox hears `request.updated` and webhooks `request.rated`.
 */
export async function rateRequest(deps: ChangeDeps, request: { id: string; siteId: number; status: string }, input: z.output<typeof ratingInput>, via: "widget" | "email"): Promise<RatingView> {
  if (request.status !== "done") throw new Conflict("not_done", "This can be rated once it is done.");
  const now = deps.clock.now();
  return deps.pipeline.commit(deps.db, async (tx, fx) => {
    const [added] = await tx
      .insert(requestRatings)
      .values({ requestId: request.id, siteId: request.siteId, score: input.score, comment: input.comment, via, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!added) throw new Conflict("already_rated", "This was already rated. Thank you!");
    const rating = view(added);
    await fx.emit({ siteId: request.siteId, topic: INBOX_TOPIC, type: "request.rated", data: { requestId: request.id, rating } });
    await fx.request("request.updated", request.siteId, request.id);
    return rating;
  });
}

/** The rating of one request, or null. */
export async function ratingOf(db: Db, requestId: string): Promise<RatingView | null> {
  const [row] = await db.select().from(requestRatings).where(eq(requestRatings.requestId, requestId));
  return row ? view(row) : null;
}

/** A customer's ratings, newest first, with the request they rate (for the customer page). */
export async function customerRatings(db: Db, customerId: number, limit = 50) {
  const rows = await db
    .select({ rating: requestRatings, ref: requests.ref, kind: requests.kind })
    .from(requestRatings)
    .innerJoin(requests, eq(requests.id, requestRatings.requestId))
    .where(and(eq(requests.customerId, customerId)))
    .orderBy(desc(requestRatings.createdAt))
    .limit(limit);
  return rows.map((r) => ({ requestId: r.rating.requestId, ref: r.ref, kind: r.kind, ...view(r.rating) }));
}
