import { Hono, type MiddlewareHandler } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { AdminVars } from "../http/session.ts";
import { memberSite, type MemberSite } from "../accounts/accounts.ts";
import { readBody } from "../http/json-body.ts";
import { createSavedAnswer, deleteSavedAnswer, listSavedAnswers, savedAnswerInput, savedAnswerPatch, updateSavedAnswer } from "../answers/saved-answers.ts";
import { SAVED_ANSWER_PLACEHOLDERS } from "@beckon/contract/saved-answers";

type Vars = AdminVars & { Variables: { site: MemberSite } };

/** A site's saved answers: owners and members alike keep them (they answer with them). */
export function savedAnswerRoutes(deps: { db: Db; clock: Clock }) {
  const app = new Hono<Vars>();
  const { db } = deps;
  const load: MiddlewareHandler<Vars> = async (c, next) => {
    c.set("site", await memberSite(db, c.get("session").user.id, c.req.param("site") ?? ""));
    await next();
  };
  app.use("/sites/:site/saved-answers", load);
  app.use("/sites/:site/saved-answers/*", load);

  app.get("/sites/:site/saved-answers", async (c) => c.json({ answers: await listSavedAnswers(db, c.get("site").id), placeholders: SAVED_ANSWER_PLACEHOLDERS }));
  app.post("/sites/:site/saved-answers", async (c) => c.json({ answer: await createSavedAnswer(deps, c.get("site").id, await readBody(c, savedAnswerInput)) }, 201));
  app.patch("/sites/:site/saved-answers/:id", async (c) =>
    c.json({ answer: await updateSavedAnswer(deps, c.get("site").id, Number(c.req.param("id")), await readBody(c, savedAnswerPatch)) }),
  );
  app.delete("/sites/:site/saved-answers/:id", async (c) => {
    await deleteSavedAnswer(db, c.get("site").id, Number(c.req.param("id")));
    return c.body(null, 204);
  });
  return app;
}
