import { randomBytes, randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Attachment } from "@beckon/contract/answers";
import type { Db } from "../db/client.ts";
import { attachments } from "../db/schema.ts";
import type { Tx } from "../pipeline/commit.ts";
import type { FileStore } from "./file-store.ts";
import { isImage, type PreparedFile } from "./file-intake.ts";

type Row = typeof attachments.$inferSelect;
type Author = Row["author"];

/** What the widget and the inbox show of a file; each side builds its own URL from the id. */
export type AttachmentView = Attachment;

export const attachmentView = (r: Pick<Row, "id" | "type" | "name" | "size">): AttachmentView => ({ id: r.id, type: r.type, name: r.name, size: r.size, image: isImage(r.type) });

/** A file whose bytes are in the store, not yet recorded. */
export type StoredFile = typeof attachments.$inferInsert;

const newKey = () => randomBytes(24).toString("base64url");

/**
 * Writes checked files to the store under new random keys, before the transaction that records them
 * (a failed transaction leaves bytes no row points at; `discard` removes them).
 */
export async function storeFiles(store: FileStore, siteId: number, author: Author, files: PreparedFile[], now: Date) {
  const rows: StoredFile[] = [];
  for (const f of files) {
    const row = { id: randomUUID(), siteId, author, type: f.type, name: f.name, size: f.bytes.byteLength, storageKey: newKey(), thumbKey: f.thumb ? newKey() : null, createdAt: now };
    await store.put(row.storageKey, f.bytes);
    if (f.thumb && row.thumbKey) await store.put(row.thumbKey, f.thumb);
    rows.push(row);
  }
  return {
    rows,
    /** Removes the bytes again when the change that was to record them failed. */
    discard: async () => {
      for (const r of rows) for (const key of [r.storageKey, r.thumbKey]) if (key) await store.remove(key);
    },
  };
}

/** Records stored files as belonging to a request (and the chat line they came with). */
export async function recordFiles(tx: Tx, rows: StoredFile[], to: { requestId: string; chatMessageId?: number | null }): Promise<AttachmentView[]> {
  if (!rows.length) return [];
  const inserted = await tx
    .insert(attachments)
    .values(rows.map((r) => ({ ...r, requestId: to.requestId, chatMessageId: to.chatMessageId ?? null })))
    .returning();
  return inserted.map(attachmentView);
}

/** Runs `change` with the files stored first; their bytes are removed again if it throws. */
export async function withStoredFiles<T>(stored: Awaited<ReturnType<typeof storeFiles>> | undefined, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (err) {
    await stored?.discard();
    throw err;
  }
}

/** A request's files, oldest first, keyed by chat line (`null`: attached to the request itself). */
export async function filesOfRequest(db: Db | Tx, requestId: string): Promise<Map<number | null, AttachmentView[]>> {
  const rows = await db.select().from(attachments).where(eq(attachments.requestId, requestId)).orderBy(asc(attachments.createdAt));
  const byLine = new Map<number | null, AttachmentView[]>();
  for (const r of rows) byLine.set(r.chatMessageId, [...(byLine.get(r.chatMessageId) ?? []), attachmentView(r)]);
  return byLine;
}

/** The files a shopper sent with a request itself (a message's), not with a chat line; oldest first. */
export async function shopperRequestFiles(db: Db | Tx, requestId: string): Promise<AttachmentView[]> {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.requestId, requestId), isNull(attachments.chatMessageId), eq(attachments.author, "shopper")))
    .orderBy(asc(attachments.createdAt));
  return rows.map(attachmentView);
}

/** One file of one request, or undefined. */
export async function findFile(db: Db, id: string) {
  const [row] = await db.select().from(attachments).where(eq(attachments.id, id));
  return row?.requestId ? row : undefined;
}

/**
 * Detaches the files of requests about to be deleted (inside the deleting transaction): the rows lose
 * their request and chat line and are marked deleted; the reaper removes the bytes after the commit.
 */
export async function detachFiles(tx: Tx, requestIds: string[]): Promise<number> {
  const { rowsAffected } = await tx
    .update(attachments)
    .set({ requestId: null, chatMessageId: null, deletedAt: sql`(unixepoch('subsec') * 1000)` })
    .where(inArray(attachments.requestId, requestIds));
  return rowsAffected;
}

/** Removes the bytes of files whose request is gone, then their rows. Safe to run at any time, in any process. */
export async function reapDeletedFiles(db: Db, store: FileStore, batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const gone = await db.select().from(attachments).where(isNotNull(attachments.deletedAt)).limit(batch);
    if (!gone.length) return total;
    for (const f of gone) for (const key of [f.storageKey, f.thumbKey]) if (key) await store.remove(key);
    await db.delete(attachments).where(and(isNotNull(attachments.deletedAt), inArray(attachments.id, gone.map((f) => f.id))));
    total += gone.length;
    if (gone.length < batch) return total;
  }
}
