// The owner API's shapes, taken from the server's own code (types only: nothing of the server ships).
import type { RequestSummary } from "../../../server/src/services/inbox.ts";
import { t } from "../i18n/t.ts";

export type { RequestSummary };
export type RequestKind = RequestSummary["kind"];
export type RequestStatus = RequestSummary["status"];
export type RequestPage = { requests: RequestSummary[]; nextCursor: string | null };

export const STATUS_LABELS: Record<RequestStatus, string> = { new: t("status.new"), in_progress: t("status.in_progress"), done: t("status.done") };
export const KIND_LABELS: Record<RequestKind, string> = { callback: t("kind.callback"), message: t("kind.message"), chat: t("kind.chat") };
export const KIND_PLURALS: Record<RequestKind, string> = { callback: t("kinds.callback"), message: t("kinds.message"), chat: t("kinds.chat") };
