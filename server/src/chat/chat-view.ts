import { asc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { chatMessages, users } from "../db/schema.ts";
import { filesOfRequest, type AttachmentView } from "../files/attachments.ts";

export type ChatMessageView = { id: number; author: "shopper" | "owner"; body: string; at: string; by: string | null; clientId?: string; files?: AttachmentView[] };

/**
 * A chat line as both the widget and the inbox see it (`by`: the owner's first name, for owner lines;
 * `clientId`: the widget's own id for a shopper line, so it can match the line it is still sending).
 */
export function chatMessageView(m: typeof chatMessages.$inferSelect, ownerName: string | null, files?: AttachmentView[]): ChatMessageView {
  return { id: m.id, author: m.author, body: m.body, at: m.createdAt.toISOString(), by: m.author === "owner" ? ownerName : null, ...(m.clientId && { clientId: m.clientId }), ...(files?.length && { files }) };
}

/** Every line of a chat, oldest first. */
export async function chatTranscript(db: Db, requestId: string): Promise<ChatMessageView[]> {
  const rows = await db
    .select({ message: chatMessages, name: users.name })
    .from(chatMessages)
    .leftJoin(users, eq(users.id, chatMessages.userId))
    .where(eq(chatMessages.requestId, requestId))
    .orderBy(asc(chatMessages.id));
  const files = await filesOfRequest(db, requestId);
  return rows.map(({ message, name }) => chatMessageView(message, name?.split(" ")[0] ?? null, files.get(message.id)));
}
