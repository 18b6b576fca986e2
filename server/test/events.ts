import { and, eq, sql } from "drizzle-orm";
import { events } from "../src/db/schema.ts";
import { INBOX_TOPIC } from "../src/events/inbox-events.ts";
import type { Harness } from "./harness.ts";

/** How many times the site's open inboxes were told about this request (`request.updated` unless named). */
export async function inboxEvents(h: Harness, requestId: string, type = "request.updated") {
  const [row] = await h.db
    .select({ n: sql<number>`count(*)` })
    .from(events)
    .where(and(eq(events.topic, INBOX_TOPIC), eq(events.type, type), sql`json_extract(${events.data}, '$.requestId') = ${requestId}`));
  return Number(row!.n);
}
