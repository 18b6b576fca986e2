import { serve, type ServerType } from "@hono/node-server";
import { fileURLToPath } from "node:url";
import { createApp } from "./app.ts";
import { systemClock, type Clock } from "./clock.ts";
import { migrateDatabase, openDatabase } from "./db/client.ts";
import type { Config } from "./env.ts";
import { createChannels } from "./channels/channels.ts";
import { createWebhookPost } from "./channels/webhook/http-post.ts";
import { createOutboxWorker } from "./outbox/outbox-worker.ts";
import { createReminderWorker } from "./callbacks/reminder-worker.ts";
import { createWeeklySummaryWorker } from "./reports/weekly-summary.ts";
import { createRetentionWorker } from "./privacy/retention-worker.ts";
import { fileStoreFrom } from "./files/file-store.ts";
import { defaultRetryPolicy, type RetryPolicy } from "./outbox/retry-policy.ts";
import { createSmtpEmail, type SmtpTimeouts } from "./channels/email/email.ts";
import type { DestinationStream } from "pino";
import { createLogger, type Log } from "./observability/logger.ts";
import { createMetrics } from "./observability/metrics.ts";
import type { WorkerTick } from "./observability/health.ts";
import { createTwilioSms } from "./channels/sms/sms.ts";
import { createTwilioVoice } from "./providers/twilio/voice.ts";
import { ensureInstallationOwner, ensureOwnerAccount } from "./accounts/accounts.ts";
import { linkSecret } from "./callbacks/shopper-links.ts";
import { forgetUnprovedAlertPhones } from "./accounts/phone-verification.ts";
import { createEventLog } from "./events/event-log.ts";
import { ensureDemoSite } from "./sites/sites.ts";
import { ensureVapidKeys } from "./channels/push/vapid-keys.ts";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export type Running = { url: string; close(): Promise<void> };

/** Opens the database, migrates, seeds the demo site, starts the outbox worker and serves. */
export async function startServer(
  config: Config,
  opts: { clock?: Clock; retry?: RetryPolicy; log?: Log; logDestination?: DestinationStream; email?: { timeouts?: Partial<SmtpTimeouts> } } = {},
): Promise<Running> {
  const logging = createLogger({ level: config.logLevel, destination: opts.logDestination });
  const log = opts.log ?? logging.log;
  const clock = opts.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  await migrateDatabase(database.db);
  database.readScope?.warm(); // the owner-read thread starts now, not on the first owner page
  const demo = await ensureDemoSite(database.db, { publicUrl: config.publicUrl, ownerPhone: config.ownerPhone });
  if (config.ownerAccount) await ensureOwnerAccount(database.db, { ...config.ownerAccount, demoSiteId: demo.id });
  await ensureInstallationOwner(database.db, clock, config.ownerPhone);
  await forgetUnprovedAlertPhones(database.db, config.ownerPhone, log);

  // Twilio can only report delivery to a URL it can reach: not localhost.
  const reachable = !/^https?:\/\/(localhost|127\.|\[::1\])/.test(config.publicUrl);
  const sms = config.twilio ? await createTwilioSms(config.twilio, { statusCallbackUrl: reachable ? `${config.publicUrl}/webhooks/twilio/status` : undefined }) : undefined;
  const voice = config.twilio ? await createTwilioVoice(config.twilio) : undefined;
  const email = config.mail.smtpUrl ? await createSmtpEmail(config.mail.smtpUrl, config.mail.from, opts.email?.timeouts) : undefined;
  let sseClients = 0;
  const channels = createChannels({
    db: database.db,
    clock,
    retry: opts.retry ?? defaultRetryPolicy,
    sms,
    email,
    webhooks: {
      post: createWebhookPost({ policy: { allowPrivate: config.allowPrivateWebhooks }, timeoutMs: 10_000, userAgent: "Beckon-Webhooks/1" }),
      publicUrl: config.publicUrl,
      mailFrom: config.mail.from,
    },
    // VAPID keys are made once, on the first start, and kept in the database.
    push: { keys: await ensureVapidKeys(database.db, clock), subject: `mailto:${config.mail.from.address}` },
  });
  const metrics = createMetrics({ db: database.db, clock, sseClients: () => sseClients, channels: channels.map((c) => c.name) });
  const worker = createOutboxWorker({ db: database.db, clock, channels, pollMs: config.outboxPollMs, log, onOutcome: metrics.onOutcome });
  worker.start();
  // Reminders are due to the minute; a 15 s look is plenty and costs one indexed query.
  const reminderWorker = createReminderWorker({ db: database.db, clock, publicUrl: config.publicUrl, pollMs: 15_000, log, onQueued: () => worker.wake(), alerts: { pushFallbackMs: config.pushFallbackMs } });
  reminderWorker.start();
  // Weekly summaries are due once a week per person; a look every 5 minutes is one small query.
  const summaryWorker = createWeeklySummaryWorker({ db: database.db, clock, publicUrl: config.publicUrl, mailFrom: config.mail.from, pollMs: 300_000, log, onQueued: () => worker.wake() });
  summaryWorker.start();
  // Retention runs hourly in whichever process holds its lease; a look each minute is one indexed query.
  const files = fileStoreFrom(config.fileStore, repoRoot);
  const retentionWorker = createRetentionWorker({ db: database.db, clock, log, pollMs: 60_000, files });
  retentionWorker.start();

  const events = createEventLog({ db: database.db, clock, pollMs: config.eventPollMs, log });
  await events.start();
  // Every event-log subscriber is an open event stream (inbox or chat): counted for /metrics.
  const counted: typeof events = {
    ...events,
    subscribe(filter, listener) {
      sseClients++;
      const unsubscribe = events.subscribe(filter, listener);
      let done = false;
      return () => {
        if (!done) sseClients--;
        done = true;
        unsubscribe();
      };
    },
  };
  // A loop is alive if it went round within a few of its polls (and at least 30 s: a send may be in hand).
  const staleAfter = (pollMs: number) => Math.max(30_000, 5 * pollMs);
  const workers = (): WorkerTick[] => [
    ...Object.entries(worker.lastTicks()).map(([channel, lastTick]) => ({ name: `outbox_${channel}`, lastTick, maxAgeMs: staleAfter(config.outboxPollMs) })),
    { name: "reminders", lastTick: reminderWorker.lastTick(), maxAgeMs: staleAfter(15_000) },
    { name: "retention", lastTick: retentionWorker.lastTick(), maxAgeMs: staleAfter(60_000) },
    { name: "weekly_summaries", lastTick: summaryWorker.lastTick(), maxAgeMs: staleAfter(300_000) },
  ];

  const app = createApp({
    files,
    database,
    clock,
    config: { ...config, mailFrom: config.mail.from, mailConfigured: !!config.mail.smtpUrl, linkSecret: await linkSecret(database.db, config.appSecret) },
    outbox: worker,
    sms,
    voice,
    events: counted,
    observability: { logContext: logging.context, metrics, metricsToken: config.metricsToken, workers },
    paths: { widgetDir: `${repoRoot}widget/dist`, demoDir: `${repoRoot}demo-site`, adminDist: `${repoRoot}admin/dist` },
    log,
  });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return {
    url: `http://localhost:${port}`,
    async close() {
      events.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Event streams end at events.stop() with a reconnect hint; requests in flight get up to 10 s, then what is left is cut.
      const cut = setTimeout(() => "closeAllConnections" in server && server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(cut);
      await reminderWorker.stop();
      await summaryWorker.stop();
      await retentionWorker.stop();
      await worker.stop();
      database.close();
      await logging.flush();
    },
  };
}
