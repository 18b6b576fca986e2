import type { Pipeline } from "../pipeline/commit.ts";
import { Hono } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { requireCsrfToken, requireSession, sameOriginWrites, type AdminVars } from "../http/session.ts";
import type { SmsSender } from "../channels/sms/sms.ts";
import type { EventLog } from "../events/event-log.ts";
import type { VoiceCaller } from "../providers/twilio/voice.ts";
import { customerDataRoutes } from "./admin-customers.ts";
import { requestRoutes } from "./admin-requests.ts";
import { publicSessionRoutes, sessionRoutes } from "./admin-session.ts";
import { siteRoutes } from "./admin-sites.ts";
import { regularsRoutes } from "./admin-regulars.ts";
import { webhookRoutes } from "./admin-webhooks.ts";
import { savedAnswerRoutes } from "./admin-saved-answers.ts";
import { reportRoutes } from "./admin-reports.ts";
import { pushAckRoute, pushRoutes } from "./admin-push.ts";
import type { AddressPolicy } from "../channels/webhook/endpoint-address.ts";
import type { FileStore } from "../files/file-store.ts";
import { adminFileRoutes } from "./admin-files.ts";

export type AdminApiDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  trustProxy: boolean;
  events: EventLog;
  sms: SmsSender | undefined;
  voice: VoiceCaller | undefined;
  log: Pick<Console, "info" | "error">;
  loginFailuresPer15Min: number;
  mailFrom: { name: string; address: string };
  /** OWNER_PHONE: counts as proved. */
  operatorPhone: string | undefined;
  mailConfigured: boolean;
  /** Every change goes through it: events in the transaction, wakes after the commit. */
  pipeline: Pipeline;
  keepAliveMs?: number;
  webhookPolicy: AddressPolicy;
  /** Where attachments are kept; undefined: uploads answer 503. */
  files?: FileStore | undefined;
  /** Signs the file links in emails to shoppers. */
  linkSecret?: string;
};

/** The owner's JSON API. Order matters: only setup and sign-in are reachable before requireSession. */
export function adminApi(deps: AdminApiDeps) {
  const secureCookies = deps.publicUrl.startsWith("https:");
  const session = { ...deps, secureCookies };
  const sites = { ...deps, phones: { db: deps.db, clock: deps.clock, sms: deps.sms, log: deps.log, operatorPhone: deps.operatorPhone } };
  const app = new Hono<AdminVars>();
  app.use("*", sameOriginWrites(new URL(deps.publicUrl).origin));
  app.route("/", publicSessionRoutes({ ...session, phones: sites.phones }));
  app.route("/", pushAckRoute(deps));
  app.use("*", requireSession(deps.db, deps.clock), requireCsrfToken());
  app.route("/", sessionRoutes({ ...session, phones: sites.phones }));
  app.route("/", siteRoutes(sites));
  app.route("/", requestRoutes(deps));
  app.route("/", customerDataRoutes(deps));
  app.route("/", regularsRoutes(deps));
  app.route("/", webhookRoutes(deps));
  app.route("/", savedAnswerRoutes(deps));
  app.route("/", reportRoutes(deps));
  app.route("/", pushRoutes(deps));
  app.route("/", adminFileRoutes({ ...deps, files: deps.files, links: deps.linkSecret === undefined ? undefined : { publicUrl: deps.publicUrl, secret: deps.linkSecret } }));
  return app;
}
