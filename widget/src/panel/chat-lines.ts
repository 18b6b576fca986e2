// A chat's lines as the widget shows them: the server's, plus the shopper's own while they are on
// their way. Pure functions, so merging (the stream, the POST's answer, a reload) is easy to test.
import type { ChatLine } from "@beckon/contract/answers";

/** A chat line as the server sends it (`@beckon/contract/answers`, the same the inbox reads). */
export type ServerLine = ChatLine;
/** A line on screen: `key` is the server id, or the clientId of a line not yet stored. */
export type Line = { key: string; id: number; author: "shopper" | "owner"; body: string; at: string; by: string | null; state: "sent" | "sending" | "failed"; files?: ServerLine["files"] };

const fromServer = (l: ServerLine): Line => ({ key: String(l.id), id: l.id, author: l.author, body: l.body, at: l.at, by: l.by, state: "sent", files: l.files });

/** Adds a server line, replacing the pending line it stores (same clientId) and never adding it twice. */
export function mergeLine(lines: Line[], incoming: ServerLine): Line[] {
  if (lines.some((l) => l.id === incoming.id)) return lines;
  const line = fromServer(incoming);
  const pending = incoming.clientId ? lines.findIndex((l) => l.key === incoming.clientId) : -1;
  if (pending >= 0) return lines.map((l, i) => (i === pending ? line : l));
  const next = [...lines, line];
  // Sending lines stay last; stored lines keep the server's order.
  return next.sort((a, b) => (a.id && b.id ? a.id - b.id : a.id ? -1 : b.id ? 1 : 0));
}

/** A line the shopper has just written, shown at once while it is sent. */
export function pendingLine(body: string, clientId: string, now: Date): Line {
  return { key: clientId, id: 0, author: "shopper", body, at: now.toISOString(), by: null, state: "sending" };
}

/** Marks a pending line as sending again, or failed. */
export const withState = (lines: Line[], key: string, state: Line["state"]): Line[] => lines.map((l) => (l.key === key && l.state !== "sent" ? { ...l, state } : l));

/** The newest owner line's id: what the shopper has now seen. */
export const lastOwnerId = (lines: Pick<Line, "author" | "id">[]): number => lines.reduce((max, l) => (l.author === "owner" && l.id > max ? l.id : max), 0);
