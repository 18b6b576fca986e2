import type { Pipeline } from "../pipeline/commit.ts";
import { Hono, type Context, type Handler, type MiddlewareHandler } from "hono";
import type { z } from "zod";
import { etag } from "hono/etag";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { ReadScope } from "../db/owner-reads.ts";
import { ApiError } from "../http/errors.ts";
import { loadSite, siteCors, type SiteVars } from "../http/site-access.ts";
import { callbackInput, submitCallback } from "../callbacks/callbacks.ts";
import { messageInput, submitMessage } from "../messages/messages.ts";
import { readSubmission } from "./shopper-input.ts";
import type { Submission, Submitted } from "../intake/intake.ts";
import type { PublicSite } from "../sites/sites.ts";
import { findPhoto, photoUrl } from "../sites/site-admin.ts";
import { originAllowed, recordWidgetOrigin, requestOrigin, type SeenCache } from "../sites/widget-origins.ts";
import { widgetConfig } from "../sites/widget-config.ts";
import { ownerAvailable } from "../chat/chat-presence.ts";
import { publicChatAfter } from "./public-chat-after.ts";
import type { EventLog } from "../events/event-log.ts";
import { publicChat } from "./public-chat.ts";
import { publicFiles } from "./public-files.ts";
import { publicMessageFiles } from "./public-message-files.ts";
import type { FileStore } from "../files/file-store.ts";
import { createCounters } from "../rate-limit/counters.ts";
import { clientIp } from "../http/client-ip.ts";
import { senderHash } from "../spam/blocklist.ts";
import { createChallenges, type ChallengeConfig } from "../spam/challenge.ts";
import { senderCheck, solutionIn, type SenderCheck } from "../spam/screen.ts";
import { submissionLimits, type SubmissionLimits } from "../rate-limit/submission-limits.ts";
import { publicRegulars } from "./public-regulars.ts";
import { replyTimeCache } from "../customers/reply-stats.ts";

type FormMeta = { idempotencyKey: string | undefined; origin: string | undefined; sender: SenderCheck | undefined };

export type PublicApiDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  trustProxy: boolean;
  rateLimits: SubmissionLimits;
  /** Proof of work on the public forms; undefined turns it off. */
  challenge: ChallengeConfig | undefined;
  mailFrom: { name: string; address: string };
  linkSecret: string;
  events: EventLog;
  /** Every change goes through it: events in the transaction, wakes after the commit. */
  pipeline: Pipeline;
  keepAliveMs?: number;
  /** Where attachments are kept; undefined: uploads answer 503. */
  files?: FileStore | undefined;
  /** Runs reads on the reader thread (a local file): the config's reply-time figure is worked out there. */
  readScope?: ReadScope | undefined;
};

/** The widget's API: public config, and the shopper's submissions. */
export function publicApi(deps: PublicApiDeps) {
  const app = new Hono<SiteVars>();
  const counters = createCounters(deps.db);
  const limits = submissionLimits({ counters, clock: deps.clock, trustProxy: deps.trustProxy, limits: deps.rateLimits });
  const challenges = deps.challenge && createChallenges({ db: deps.db, clock: deps.clock, secret: deps.linkSecret, config: deps.challenge });
  /** Screens a submission for spam: blocked senders, and the proof of work when it is on. */
  const sender = (c: Context<SiteVars>, body: unknown) =>
    senderCheck({ db: deps.db, clock: deps.clock, challenges }, c.get("site").id, senderHash(deps.linkSecret, clientIp(c, deps.trustProxy)), solutionIn(body));

  // Every origin that loads the widget is recorded, refused ones too (before the lock answers 403), so
  // the install page can say "Blocked on https://shop.example — allow it?".
  const seen: SeenCache = new Map();
  const noteOrigin: MiddlewareHandler<SiteVars> = async (c, next) => {
    if (c.req.method === "GET" && c.req.path.endsWith("/config")) {
      const site = c.get("site");
      const origin = requestOrigin({ origin: c.req.header("origin"), secFetchSite: c.req.header("sec-fetch-site") }, deps.publicUrl);
      if (origin) await recordWidgetOrigin(deps.db, deps.clock, site.id, origin, originAllowed(site.settings, origin), seen);
    }
    await next();
  };
  app.use("/sites/:site/*", loadSite(deps.db), noteOrigin, siteCors());
  app.route("/", publicChat({ ...deps, counters, startLimits: limits, sender }));
  app.route("/", publicChatAfter({ ...deps, counters }));
  app.route("/", publicFiles({ ...deps, counters, files: deps.files }));
  app.route("/", publicRegulars(deps));
  const replyTime = replyTimeCache(deps.db, deps.readScope);

  app.get("/sites/:site/config", etag(), async (c) => {
    const site = c.get("site");
    c.header("Cache-Control", "public, max-age=60");
    const now = deps.clock.now();
    const chatLive = site.settings.channels.includes("chat") && ownerAvailable(site, now);
    const hints = { lang: c.req.query("lang"), prefer: c.req.query("prefer") };
    return c.json(widgetConfig(site, now, photoUrl(deps.publicUrl, site.key, site.photoUpdatedAt), chatLive, hints, await replyTime(site.id, now)));
  });

  // A fresh proof-of-work challenge, fetched by the widget when a form opens (404 when they are off).
  app.get("/sites/:site/challenge", async (c) => {
    if (!challenges) throw new ApiError(404, "challenge_off", "This server does not ask for proof of work.");
    c.header("Cache-Control", "no-store");
    return c.json(await challenges.issue());
  });

  app.get("/sites/:site/photo", etag(), async (c) => {
    const photo = await findPhoto(deps.db, c.get("site").key);
    if (!photo) throw new ApiError(404, "not_found", "This site has no photo.");
    c.header("Content-Type", photo.type);
    c.header("Cache-Control", "public, max-age=86400");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    return c.body(new Uint8Array(photo.bytes));
  });

  /** A form's route: the shared start (shopper-input.ts), then its service with the retry key, the page's origin and the spam screen. */
  const form =
    <T extends z.ZodType>(schema: T, submit: (site: PublicSite, submission: Submission<z.output<T>>, meta: FormMeta) => Promise<Submitted>): Handler<SiteVars> =>
    async (c) => {
      const read = await readSubmission(c, deps.db, schema);
      const meta = { idempotencyKey: c.req.header("idempotency-key"), origin: c.req.header("origin"), sender: "body" in read ? sender(c, read.body) : undefined };
      const answer = "answer" in read ? read.answer : await submit(c.get("site"), read.submission, meta);
      if (answer.rejected) c.set("submissionRejected", true);
      return c.json(answer.body, answer.status);
    };

  app.post("/sites/:site/callbacks", limits, form(callbackInput, (site, submission, meta) => submitCallback(deps, site, submission, meta)));
  app.post("/sites/:site/messages", limits, form(messageInput, (site, submission, meta) => submitMessage(deps, site, submission, meta)));
  app.route("/", publicMessageFiles({ ...deps, counters, limits, sender, files: deps.files }));

  return app;
}
