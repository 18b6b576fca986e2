import { serve, type ServerType } from "@hono/node-server";
import { fileURLToPath } from "node:url";
import { createApp } from "./app.ts";
import { systemClock, type Clock } from "./clock.ts";
import { migrateDatabase, openDatabase } from "./db/client.ts";
import type { Config } from "./env.ts";
import { createOutboxWorker } from "./notify/outbox-worker.ts";
import { createReminderWorker } from "./notify/reminder-worker.ts";
import { defaultRetryPolicy, type RetryPolicy } from "./notify/retry-policy.ts";
import { createSmtpEmail } from "./notify/email.ts";
import { createTwilioSms } from "./notify/sms.ts";
import { createTwilioVoice } from "./notify/voice.ts";
import { ensureOwnerAccount } from "./services/accounts.ts";
import { linkSecret } from "./services/shopper-links.ts";
import { createEventLog } from "./events/event-log.ts";
import { ensureDemoSite } from "./services/sites.ts";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export type Running = { url: string; close(): Promise<void> };

/** Opens the database, migrates, seeds the demo site, starts the outbox worker and serves. */
export async function startServer(
  config: Config,
  opts: { clock?: Clock; retry?: RetryPolicy; log?: Pick<Console, "info" | "warn" | "error"> } = {},
): Promise<Running> {
  const log = opts.log ?? console;
  const clock = opts.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
  await migrateDatabase(database.db);
  const demo = await ensureDemoSite(database.db, { publicUrl: config.publicUrl, ownerPhone: config.ownerPhone });
  if (config.ownerAccount) await ensureOwnerAccount(database.db, { ...config.ownerAccount, demoSiteId: demo.id });

  // Twilio can only report delivery to a URL it can reach: not localhost.
  const reachable = !/^https?:\/\/(localhost|127\.|\[::1\])/.test(config.publicUrl);
  const sms = config.twilio ? await createTwilioSms(config.twilio, { statusCallbackUrl: reachable ? `${config.publicUrl}/webhooks/twilio/status` : undefined }) : undefined;
  const voice = config.twilio ? await createTwilioVoice(config.twilio) : undefined;
  const email = config.mail.smtpUrl ? await createSmtpEmail(config.mail.smtpUrl, config.mail.from) : undefined;
  const worker = createOutboxWorker({ db: database.db, clock, sms, email, retry: opts.retry ?? defaultRetryPolicy, pollMs: config.outboxPollMs, log });
  worker.start();
  // Reminders are due to the minute; a 15 s look is plenty and costs one indexed query.
  const reminderWorker = createReminderWorker({ db: database.db, clock, publicUrl: config.publicUrl, pollMs: 15_000, log, onQueued: () => worker.wake() });
  reminderWorker.start();

  const events = createEventLog({ db: database.db, clock, pollMs: config.eventPollMs, log });
  await events.start();

  const app = createApp({
    database,
    clock,
    config: { ...config, mailFrom: config.mail.from, linkSecret: await linkSecret(database.db, config.appSecret) },
    outbox: worker,
    sms,
    voice,
    events,
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
      await worker.stop();
      database.close();
    },
  };
}
