import type { Context } from "hono";
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { contextOf } from "../customers/know-customer.ts";
import { readBody } from "../http/json-body.ts";
import type { SiteVars } from "../http/site-access.ts";
import { parseIn } from "../i18n/field-errors.ts";
import { bodyLocale, type Locale } from "../i18n/locales.ts";
import { honeypotAnswer, priorAnswer, type Submission, type Submitted } from "../intake/intake.ts";
import { shopperLocale } from "../sites/locale-settings.ts";

// How the widget's posts are read: the one body reader, an empty body is invalid JSON (as the public
// API has always answered), and validation messages come back in the shopper's language.

/** The language a shopper's body asks for (its `locale`), else the site's default. */
export const shopperLanguage =
  (c: Context<SiteVars>) =>
  (body: unknown): Locale =>
    shopperLocale(c.get("site").settings, bodyLocale(body));

/** A shopper's post checked with `schema`, messages in their language (chat lines, an email, "seen"). */
export function readShopperBody<T extends z.ZodType>(c: Context<SiteVars>, schema: T, opts: { localized?: boolean } = {}): Promise<z.output<T>> {
  return readBody(c, schema, { requireJson: true, ...(opts.localized !== false && { locale: shopperLanguage(c) }) });
}

/** A shopper's raw post, for what must be decided before its fields are checked (the honeypot, a closed channel). */
export const readRawShopperBody = (c: Context<SiteVars>) => readShopperBody(c, z.unknown(), { localized: false });

/** Checks a raw post with `schema` in the shopper's language, and reads the page's shop context from it. */
export async function checkSubmission<T extends z.ZodType>(c: Context<SiteVars>, db: Db, schema: T, body: unknown): Promise<Submission<z.output<T>>> {
  const locale = shopperLanguage(c)(body);
  return { data: parseIn(locale, schema, body), locale, shop: await contextOf(db, c.get("site").id, body) };
}

/** Either the answer to give at once (a replayed Idempotency-Key, a filled honeypot), or the submission to store. */
export type ReadSubmission<T> = { answer: Submitted } | { submission: Submission<T>; body: unknown };

/**
 * The start every form submission shares (call-backs, messages), in this order: the body, the answer
 * already given for the Idempotency-Key, the honeypot's quiet success, then the fields checked in the
 * shopper's language. `body` is the raw post, for the spam screen (the proof of work).
 */
export async function readSubmission<T extends z.ZodType>(c: Context<SiteVars>, db: Db, schema: T): Promise<ReadSubmission<z.output<T>>> {
  return submissionOf(c, db, schema, await readRawShopperBody(c));
}

/** readSubmission for a body read another way (a message with files carries it as a form part). */
export async function submissionOf<T extends z.ZodType>(c: Context<SiteVars>, db: Db, schema: T, body: unknown): Promise<ReadSubmission<z.output<T>>> {
  const answer = (await priorAnswer(db, c.get("site").id, c.req.header("idempotency-key"))) ?? honeypotAnswer(body);
  if (answer) return { answer };
  return { submission: await checkSubmission(c, db, schema, body), body };
}
