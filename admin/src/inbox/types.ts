// The owner API's shapes, as @beckon/contract describes them (the server checks it keeps to them).
import type { RequestKind, RequestStatus } from "@beckon/contract/answers";
import { t } from "../i18n/t.ts";

export type { RequestKind, RequestPage, RequestStatus, RequestSummary } from "@beckon/contract/answers";

export const STATUS_LABELS: Record<RequestStatus, string> = { new: t("status.new"), in_progress: t("status.in_progress"), done: t("status.done") };
export const KIND_LABELS: Record<RequestKind, string> = { callback: t("kind.callback"), message: t("kind.message"), chat: t("kind.chat") };
export const KIND_PLURALS: Record<RequestKind, string> = { callback: t("kinds.callback"), message: t("kinds.message"), chat: t("kinds.chat") };
