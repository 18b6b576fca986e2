import { and, asc, count, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { fillSavedAnswer, firstNameOf, SAVED_ANSWER_PLACEHOLDERS, SHORTCUT_PATTERN, unknownPlaceholders } from "@beckon/contract/saved-answers";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { savedAnswers } from "../db/schema.ts";
import { Conflict, NotFound } from "../domain-errors.ts";
import { typedText, validationFailed } from "../http/validation.ts";

export const MAX_SAVED_ANSWERS = 100;
export const MAX_ANSWER_LENGTH = 1000;

const placeholderList = SAVED_ANSWER_PLACEHOLDERS.map((p) => `{${p}}`).join(", ");

const shortcut = z
  .string()
  .trim()
  .transform((s) => s.replace(/^\//, "").toLowerCase())
  .pipe(z.string().regex(SHORTCUT_PATTERN, "Use 1-30 lower-case letters, digits or dashes, like hours."));
const body = typedText()
  .trim()
  .min(1, "Write the answer.")
  .max(MAX_ANSWER_LENGTH, `Keep the answer under ${MAX_ANSWER_LENGTH} characters.`)
  .superRefine((text, ctx) => {
    const unknown = unknownPlaceholders(text);
    if (unknown.length) {
      ctx.addIssue({ code: "custom", message: `Unknown placeholder ${unknown.map((u) => `{${u}}`).join(", ")}. You can use ${placeholderList}.` });
    }
  });

export const savedAnswerInput = z.object({ shortcut, body });
export const savedAnswerPatch = z.object({ shortcut: shortcut.optional(), body: body.optional() });

type Row = typeof savedAnswers.$inferSelect;
export type SavedAnswerView = { id: number; shortcut: string; body: string; createdAt: string; updatedAt: string };

function view(r: Row): SavedAnswerView {
  return { id: r.id, shortcut: r.shortcut, body: r.body, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

async function answerOf(db: Db, siteId: number, id: number): Promise<Row> {
  const [row] = Number.isSafeInteger(id) ? await db.select().from(savedAnswers).where(and(eq(savedAnswers.siteId, siteId), eq(savedAnswers.id, id))) : [];
  if (!row) throw new NotFound("not_found", "There is no such saved answer on this site.");
  return row;
}

async function shortcutFree(db: Db, siteId: number, name: string, exceptId = 0) {
  const [taken] = await db
    .select({ id: savedAnswers.id })
    .from(savedAnswers)
    .where(and(eq(savedAnswers.siteId, siteId), eq(savedAnswers.shortcut, name), ne(savedAnswers.id, exceptId)));
  if (taken) throw validationFailed({ shortcut: `There is already an answer called /${name}.` });
}

/** A site's saved answers, by shortcut. */
export async function listSavedAnswers(db: Db, siteId: number): Promise<SavedAnswerView[]> {
  const rows = await db.select().from(savedAnswers).where(eq(savedAnswers.siteId, siteId)).orderBy(asc(savedAnswers.shortcut)).limit(MAX_SAVED_ANSWERS);
  return rows.map(view);
}

/** Adds an answer; its shortcut must be free on the site. */
export async function createSavedAnswer(deps: { db: Db; clock: Clock }, siteId: number, data: z.output<typeof savedAnswerInput>): Promise<SavedAnswerView> {
  const { db, clock } = deps;
  const [n] = await db.select({ n: count() }).from(savedAnswers).where(eq(savedAnswers.siteId, siteId));
  if (n!.n >= MAX_SAVED_ANSWERS) throw new Conflict("too_many_answers", `A site can keep at most ${MAX_SAVED_ANSWERS} saved answers. Delete one first.`);
  await shortcutFree(db, siteId, data.shortcut);
  const now = clock.now();
  const [row] = await db.insert(savedAnswers).values({ siteId, shortcut: data.shortcut, body: data.body, createdAt: now, updatedAt: now }).returning();
  return view(row!);
}

/** Renames or rewrites an answer. */
export async function updateSavedAnswer(deps: { db: Db; clock: Clock }, siteId: number, id: number, data: z.output<typeof savedAnswerPatch>): Promise<SavedAnswerView> {
  const answer = await answerOf(deps.db, siteId, id);
  if (data.shortcut !== undefined) await shortcutFree(deps.db, siteId, data.shortcut, answer.id);
  const [row] = await deps.db
    .update(savedAnswers)
    .set({ ...(data.shortcut !== undefined && { shortcut: data.shortcut }), ...(data.body !== undefined && { body: data.body }), updatedAt: deps.clock.now() })
    .where(eq(savedAnswers.id, answer.id))
    .returning();
  return view(row!);
}

export async function deleteSavedAnswer(db: Db, siteId: number, id: number): Promise<void> {
  const answer = await answerOf(db, siteId, id);
  await db.delete(savedAnswers).where(eq(savedAnswers.id, answer.id));
}

/** The query for one answer by shortcut (exported for db/query-plans.test.ts). */
export function savedAnswerQuery(db: Db, siteId: number, name: string) {
  return db.select().from(savedAnswers).where(and(eq(savedAnswers.siteId, siteId), eq(savedAnswers.shortcut, name.toLowerCase())));
}

/** The answer called `shortcut` on a site, or undefined. */
export async function savedAnswerByShortcut(db: Db, siteId: number, name: string): Promise<SavedAnswerView | undefined> {
  const [row] = await savedAnswerQuery(db, siteId, name);
  return row && view(row);
}

/** A saved answer filled for one request: the shopper's first name, the shop's name, the request's ref. */
export function fillForRequest(answer: { body: string }, request: { ref: string; name: string | null | undefined }, shopName: string): string {
  return fillSavedAnswer(answer.body, { first_name: firstNameOf(request.name), shop: shopName, ref: request.ref });
}
