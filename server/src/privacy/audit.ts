import type { Db } from "../db/client.ts";
import { auditLog, type AuditKind } from "../db/schema.ts";
import type { Counts, Tx } from "./erase.ts";

export type AuditEntry = { siteId: number | null; actorUserId: number | null; kind: AuditKind; counts: Counts; now: Date };

/** Records what was done with personal data: who, when, what kind, how many rows. Never the data itself. */
export async function writeAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ siteId: entry.siteId, actorUserId: entry.actorUserId, kind: entry.kind, counts: entry.counts, createdAt: entry.now });
}
