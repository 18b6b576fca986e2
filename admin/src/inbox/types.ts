// The owner API's shapes, taken from the server's own code (types only: nothing of the server ships).
import type { RequestSummary } from "../../../server/src/services/inbox.ts";

export type { RequestSummary };
export type RequestKind = RequestSummary["kind"];
export type RequestStatus = RequestSummary["status"];
export type RequestPage = { requests: RequestSummary[]; nextCursor: string | null; /** A VIP's open requests, first page only. */ pinned?: RequestSummary[] };

export const STATUS_LABELS: Record<RequestStatus, string> = { new: "New", in_progress: "In progress", done: "Done" };
export const KIND_LABELS: Record<RequestKind, string> = { callback: "Call-back", message: "Message", chat: "Chat" };
