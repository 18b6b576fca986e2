// The owner API's shapes, as @beckon/contract describes them (the server checks it keeps to them).
import type { RequestKind, RequestStatus } from "@beckon/contract/answers";

export type { RequestKind, RequestPage, RequestStatus, RequestSummary } from "@beckon/contract/answers";

export const STATUS_LABELS: Record<RequestStatus, string> = { new: "New", in_progress: "In progress", done: "Done" };
export const KIND_LABELS: Record<RequestKind, string> = { callback: "Call-back", message: "Message", chat: "Chat" };
