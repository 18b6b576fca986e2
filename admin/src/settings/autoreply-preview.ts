// The preview renders with the server's own module (@beckon/contract/autoreply and the `mustache`
// package), so what the owner sees is what shoppers get: same escaping rules, same variable checks.
import { autoReplyView, renderText, templateProblem, type AutoReplyView } from "@beckon/contract/autoreply";
import type { MessageField, SiteSettings } from "./types.ts";
import { t } from "../i18n/t.ts";

export { templateVariables } from "@beckon/contract/autoreply";

type PreviewInput = Pick<SiteSettings, "ownerFirstName" | "replyWithinHours" | "messageFields"> & { siteName: string };

/** A made-up answer for each extra field, as the shopper's form would send it. */
function sampleFields(fields: MessageField[]): Record<string, string> {
  return Object.fromEntries(
    fields.map((f) => [f.id, f.type === "checkbox" ? t("autoreply.sample.yes") : f.type === "choice" ? (f.options[0] ?? "") : t("autoreply.sample.answer")]),
  );
}

/** The two sample shoppers: someone writing for the first time, during opening hours, and a returning customer. */
export function sampleViews(input: PreviewInput): { first: AutoReplyView; returning: AutoReplyView } {
  const n = input.replyWithinHours;
  const base = { fields: sampleFields(input.messageFields), siteName: input.siteName, settings: input };
  return {
    first: autoReplyView({ ...base, name: t("autoreply.sample.first_name"), topic: t("autoreply.sample.first_topic"), returning: false, replyTime: t("autoreply.sample.within", { count: n }) }),
    returning: autoReplyView({ ...base, name: t("autoreply.sample.returning_name"), topic: t("autoreply.sample.returning_topic"), returning: true, replyTime: t("autoreply.sample.by") }),
  };
}

export type RenderedReply = { subject: string; body: string } | { problem: string };

/** The subject and body for one sample shopper, or what is wrong with the template. */
export function renderReply(template: { subject: string; body: string }, fields: MessageField[], view: AutoReplyView): RenderedReply {
  const problem = templateProblem(template.subject, fields) ?? templateProblem(template.body, fields);
  if (problem) return { problem };
  // The server flattens the subject to one line, as mail headers need.
  return { subject: renderText(template.subject, view).replace(/[\r\n]+/g, " ").slice(0, 200), body: renderText(template.body, view) };
}
