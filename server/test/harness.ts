import { mkdtempSync, rmSync } from "node:fs";
import twilio from "twilio";
import { tmpdir } from "node:os";
import path from "node:path";
import { createApp, type AppDeps } from "../src/app.ts";
import { localFileStore } from "../src/files/file-store.ts";
import { createEventLog, type EventLog } from "../src/events/event-log.ts";
import type { Clock } from "../src/clock.ts";
import { migrateDatabase, openDatabase, type Database } from "../src/db/client.ts";
import { sites } from "../src/db/schema.ts";
import { createOutboxWorker } from "../src/outbox/outbox-worker.ts";
import { createChannels } from "../src/channels/channels.ts";
import type { RetryPolicy } from "../src/outbox/retry-policy.ts";
import { createTwilioVoice } from "../src/providers/twilio/voice.ts";
import { createReminderWorker } from "../src/callbacks/reminder-worker.ts";
import { createTwilioSms } from "../src/channels/sms/sms.ts";
import type { SiteSettingsInput } from "../src/sites/site-settings.ts";
import { createSmtpEmail } from "../src/channels/email/email.ts";
import { startSmtpDouble } from "./smtp-double.ts";
import { startTwilioDouble } from "./twilio-double.ts";
import { ensureVapidKeys } from "../src/channels/push/vapid-keys.ts";

export const OWNER_PHONE = "+14155550100";
export const TWILIO_FROM = "+14155550199";
export const PUBLIC_URL = "https://shop.example";
export const MAIL_FROM = { name: "Beckon", address: "beckon@shop.example" };
/** Signs shoppers' links in tests. */
export const LINK_SECRET = "test-link-secret-0123456789abcdef";
export const twilioCreds = { accountSid: `AC${"0".repeat(31)}1`, authToken: "test-auth-token" };

/** The real Twilio sender, pointed at a double. */
export function createTestSms(doubleUrl: string) {
  return createTwilioSms({ ...twilioCreds, from: TWILIO_FROM, apiBaseUrl: doubleUrl }, { statusCallbackUrl: `${PUBLIC_URL}/webhooks/twilio/status` });
}

/** A silent logger that remembers what was said, for assertions. */
export function memoryLog() {
  const lines: string[] = [];
  const write = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  return { lines, debug: write, info: write, warn: write, error: write };
}

/** A clock tests can set and move. */
export function testClock(start = "2026-11-23T15:00:00Z"): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), set: (iso) => void (now = new Date(iso).getTime()), advance: (ms) => void (now += ms) };
}

/**
 * A whole Beckon app on a fresh libsql file, with the real Twilio SDK pointed at a local double.
 * The outbox worker is created but not started: tests call `worker.drain()` or `worker.start()`.
 */
export async function createHarness(opts: { twilio?: boolean; smtp?: boolean; settings?: Partial<SiteSettingsInput>; retry?: Partial<RetryPolicy>; dbFile?: string; rateLimits?: Partial<AppDeps["config"]["rateLimits"]>; paths?: Partial<AppDeps["paths"]>; challenge?: AppDeps["config"]["challenge"]; observability?: AppDeps["observability"]; outboxPollMs?: number; allowPrivateWebhooks?: boolean; pushFallbackMs?: number } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "beckon-test-"));
  const dbFile = opts.dbFile ?? path.join(dir, "test.db");
  const filesDir = path.join(dir, "files");
  const database = await openDatabase(`file:${dbFile}`);
  await migrateDatabase(database.db);
  const clock = testClock();
  const log = memoryLog();
  const twilio = await startTwilioDouble(twilioCreds);
  const sms = opts.twilio === false ? undefined : await createTestSms(twilio.url);
  const voice = opts.twilio === false ? undefined : await createTwilioVoice({ ...twilioCreds, from: TWILIO_FROM, apiBaseUrl: twilio.url });
  const smtp = await startSmtpDouble();
  const email = opts.smtp === false ? undefined : await createSmtpEmail(smtp.url, MAIL_FROM);
  const retry: RetryPolicy = { baseMs: 1000, capMs: 60_000, giveUpAfterMs: 24 * 60 * 60_000, random: () => 0, ...opts.retry };
  const push = { keys: await ensureVapidKeys(database.db, clock), subject: `mailto:${MAIL_FROM.address}` };
  const makeWorker = () => createOutboxWorker({ db: database.db, clock, channels: createChannels({ db: database.db, clock, sms, email, retry, push }), pollMs: opts.outboxPollMs ?? 20, log });
  const worker = makeWorker();
  const makeReminders = (db = database.db) => createReminderWorker({ db, clock, publicUrl: PUBLIC_URL, pollMs: 20, log, onQueued: () => undefined });
  let wakes = 0;
  const events = createEventLog({ db: database.db, clock, pollMs: 20, log });
  await events.start();

  const [site] = await database.db
    .insert(sites)
    .values({
      key: "shop",
      name: "Test Shop",
      ownerPhone: OWNER_PHONE,
      settings: { timezone: "America/New_York", allowedOrigins: [PUBLIC_URL], ...opts.settings },
    })
    .returning();

  const appOn = (database: Database, events: EventLog) => createApp({
    database,
    clock,
    config: { publicUrl: PUBLIC_URL, mailFrom: MAIL_FROM, twilio: { authToken: twilioCreds.authToken, from: TWILIO_FROM }, linkSecret: LINK_SECRET, ownerPhone: OWNER_PHONE, mailConfigured: opts.smtp !== false, allowPrivateWebhooks: opts.allowPrivateWebhooks ?? true, pushFallbackMs: opts.pushFallbackMs, trustProxy: true, challenge: opts.challenge, rateLimits: { ipPer10Min: 1000, sitePerHour: 1000, rejectedPer10Min: 1000, loginFailuresPer15Min: 1000, ...opts.rateLimits } },
    outbox: {
      wake: () => {
        wakes++;
        worker.wake(); // a started worker looks now; an idle one ignores it
      },
    },
    sms,
    voice,
    events,
    paths: { widgetDir: path.join(dir, "no-widget"), demoDir: path.join(dir, "no-demo"), adminDist: path.join(dir, "no-admin"), ...opts.paths },
    log,
    keepAliveMs: 50,
    observability: opts.observability,
    files: localFileStore(filesDir),
  });
  const app = appOn(database, events);
  const others: (() => void)[] = [];

  return {
    app,
    db: database.db,
    database,
    dbFile,
    /** Where this harness's attachments are kept. */
    filesDir,
    clock,
    log,
    twilio,
    smtp,
    events,
    site: site!,
    worker,
    makeWorker,
    makeReminders,
    /** Another server process on the same database file: its own connection, event tail and app. */
    async secondProcess() {
      const other = await openDatabase(`file:${dbFile}`);
      const otherEvents = createEventLog({ db: other.db, clock, pollMs: 20, log });
      await otherEvents.start();
      others.push(() => {
        otherEvents.stop();
        other.close();
      });
      return appOn(other, otherEvents);
    },
    get wakes() {
      return wakes;
    },
    async close() {
      others.forEach((stop) => stop());
      events.stop();
      await worker.stop();
      await twilio.close();
      await smtp.close();
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** POSTs JSON to the app the way the widget does. */
export function post(h: Harness, pathname: string, body: unknown, headers: Record<string, string> = {}) {
  return h.app.request(pathname, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: PUBLIC_URL, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

/**
 * Posts a form to one of our Twilio webhooks the way Twilio does: to `path` (query included), signed
 * with the account's auth token for PUBLIC_URL + path. `token` and `signedUrl` forge other signatures;
 * `signature: null` sends none.
 */
export function postFromTwilio(
  h: { app: Harness["app"] },
  path: string,
  params: Record<string, string>,
  opts: { token?: string; signedUrl?: string; signature?: string | null } = {},
) {
  const signature =
    opts.signature !== undefined ? opts.signature : twilio.getExpectedTwilioSignature(opts.token ?? twilioCreds.authToken, opts.signedUrl ?? `${PUBLIC_URL}${path}`, params);
  return h.app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(signature && { "X-Twilio-Signature": signature }) },
    body: new URLSearchParams(params).toString(),
  });
}
