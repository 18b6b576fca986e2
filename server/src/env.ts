import { z } from "zod";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import path from "node:path";

const optional = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const e164 = optional.refine((v) => v === undefined || parsePhoneNumberFromString(v)?.isValid() === true, {
  message: "must be a phone number in international format, e.g. +14155550123",
});

const flag = optional.transform((v) => v === "1" || v === "true" || v === "yes");

const positiveInt = (fallback: number) =>
  optional.transform((v) => (v === undefined ? fallback : Number(v))).pipe(z.number({ error: "must be a number" }).int().positive());

const envSchema = z
  .object({
    PORT: positiveInt(8787),
    HOST: optional,
    PUBLIC_URL: optional.pipe(z.url().optional()),
    DATABASE_URL: optional,
    DATABASE_AUTH_TOKEN: optional,
    TWILIO_ACCOUNT_SID: optional,
    TWILIO_AUTH_TOKEN: optional,
    TWILIO_FROM: e164,
    TWILIO_API_BASE_URL: optional.pipe(z.url().optional()),
    OWNER_PHONE: e164,
    SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\/[^/]+/.test(v), { message: "must look like smtp://user:pass@host:587 or smtps://user:pass@host:465" }),
    MAIL_FROM: optional.refine((v) => v === undefined || parseMailbox(v) !== undefined, { message: 'must be an address like "Shop <hello@shop.example>" or hello@shop.example' }),
    TRUST_PROXY: flag,
    RATE_LIMIT_IP_PER_10_MIN: positiveInt(10),
    RATE_LIMIT_SITE_PER_HOUR: positiveInt(120),
    RATE_LIMIT_REJECTED_PER_10_MIN: positiveInt(30),
    SPAM_CHALLENGE: optional.transform((v) => v === undefined || !/^(0|false|no|off)$/i.test(v)), // on unless turned off
    SPAM_CHALLENGE_MAX_NUMBER: positiveInt(50_000),
    LOGIN_FAILURES_PER_15_MIN: positiveInt(10),
    OWNER_EMAIL: optional.pipe(z.email().optional()),
    OWNER_PASSWORD: optional.pipe(z.string().min(10, "must be at least 10 characters").optional()),
    OUTBOX_POLL_MS: positiveInt(1000),
    EVENT_POLL_MS: positiveInt(250),
    APP_SECRET: optional.pipe(z.string().min(32, "use at least 32 random characters").optional()),
    METRICS_TOKEN: optional.pipe(z.string().min(16, "use at least 16 random characters").optional()),
    LOG_LEVEL: optional.pipe(z.enum(["debug", "info", "warn", "error"], { error: "must be debug, info, warn or error" }).optional()),
    NODE_ENV: optional,
    ALLOW_PRIVATE_WEBHOOKS: flag,
    PUSH_FALLBACK_MINUTES: optional.transform((v) => (v === undefined ? 5 : Number(v))).pipe(z.number({ error: "must be a number" }).min(0).max(24 * 60)),
    FILE_STORE: optional.refine((v) => v === undefined || /^file:.+/.test(v), { message: "must be file:<directory> (S3-compatible storage is not built yet)" }),
    WEB_CONCURRENCY: optional.transform((v) => (v === undefined ? undefined : Number(v))).pipe(z.number({ error: "must be a number" }).int().positive().optional()),
  });

/** Variables that only make sense together; checked even when other variables are bad, so every problem is listed. */
function pairProblems(vars: Record<string, string | undefined>): string[] {
  const set = (key: string) => Boolean(vars[key]?.trim());
  const problems: string[] = [];
  const twilio = ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"];
  if (twilio.some(set)) for (const key of twilio.filter((k) => !set(k))) problems.push(`${key}: set all three Twilio variables, or none`);
  if (set("OWNER_EMAIL") !== set("OWNER_PASSWORD")) {
    problems.push(`${set("OWNER_EMAIL") ? "OWNER_PASSWORD" : "OWNER_EMAIL"}: set OWNER_EMAIL and OWNER_PASSWORD together`);
  }
  return problems;
}

export type Config = {
  port: number;
  host: string | undefined;
  publicUrl: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  twilio: { accountSid: string; authToken: string; from: string; apiBaseUrl: string | undefined } | undefined;
  ownerPhone: string | undefined;
  /** Mail: `smtpUrl` undefined until SMTP is configured; `from` is always known (it also names Message-IDs). */
  mail: { smtpUrl: string | undefined; from: { name: string; address: string } };
  trustProxy: boolean;
  rateLimits: { ipPer10Min: number; sitePerHour: number; rejectedPer10Min: number; loginFailuresPer15Min: number };
  ownerAccount: { email: string; password: string } | undefined;
  /** Proof of work asked of the public forms; undefined when SPAM_CHALLENGE is off. */
  challenge: { maxNumber: number; ttlMs: number } | undefined;
  outboxPollMs: number;
  /** How often this process looks for events written by other processes (live inbox and chat). */
  eventPollMs: number;
  /** Signs links sent to shoppers; generated and kept in the database when unset. */
  appSecret: string | undefined;
  /** Turns `GET /metrics` on, behind `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** `debug` (the default outside production) also logs message texts printed for unset providers. */
  logLevel: "debug" | "info" | "warn" | "error";
  /** How many server processes share the port; undefined: the default of the way it was started. */
  webConcurrency: number | undefined;
  /** Webhook endpoints may point at loopback or private addresses (ALLOW_PRIVATE_WEBHOOKS=true). */
  allowPrivateWebhooks: boolean;
  /** PUSH_FALLBACK_MINUTES: how long an SMS alert waits for its push to be acknowledged (default 5). */
  pushFallbackMs: number;
  /** Where attachments are kept (FILE_STORE): `file:<directory>`, default data/files beside the database. */
  fileStore: string;
};

/** Thrown when the environment is invalid; lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Reads and validates the environment once, at start-up. `rootDir` anchors the default database path. */
export function loadConfig(vars: Record<string, string | undefined>, rootDir: string): Config {
  const parsed = envSchema.safeParse(vars);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)), ...pairProblems(vars)];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const env = parsed.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    databaseUrl: env.DATABASE_URL ?? `file:${path.join(rootDir, "data", "beckon.db")}`,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN,
    twilio:
      env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM
        ? {
            accountSid: env.TWILIO_ACCOUNT_SID,
            authToken: env.TWILIO_AUTH_TOKEN,
            from: env.TWILIO_FROM,
            apiBaseUrl: env.TWILIO_API_BASE_URL,
          }
        : undefined,
    ownerPhone: env.OWNER_PHONE,
    mail: {
      smtpUrl: env.SMTP_URL,
      from: (env.MAIL_FROM ? parseMailbox(env.MAIL_FROM) : undefined) ?? { name: "Beckon", address: `beckon@${new URL(publicUrl).hostname}` },
    },
    trustProxy: env.TRUST_PROXY ?? false,
    rateLimits: {
      ipPer10Min: env.RATE_LIMIT_IP_PER_10_MIN,
      sitePerHour: env.RATE_LIMIT_SITE_PER_HOUR,
      rejectedPer10Min: env.RATE_LIMIT_REJECTED_PER_10_MIN,
      loginFailuresPer15Min: env.LOGIN_FAILURES_PER_15_MIN,
    },
    ownerAccount: env.OWNER_EMAIL && env.OWNER_PASSWORD ? { email: env.OWNER_EMAIL, password: env.OWNER_PASSWORD } : undefined,
    challenge: !env.SPAM_CHALLENGE ? undefined : { maxNumber: env.SPAM_CHALLENGE_MAX_NUMBER, ttlMs: 20 * 60_000 },
    outboxPollMs: env.OUTBOX_POLL_MS,
    eventPollMs: env.EVENT_POLL_MS,
    appSecret: env.APP_SECRET,
    metricsToken: env.METRICS_TOKEN,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === "production" ? "info" : "debug"),
    webConcurrency: env.WEB_CONCURRENCY,
    allowPrivateWebhooks: env.ALLOW_PRIVATE_WEBHOOKS ?? false,
    pushFallbackMs: Math.round(env.PUSH_FALLBACK_MINUTES * 60_000),
    fileStore: env.FILE_STORE ?? `file:${path.join(rootDir, "data", "files")}`,
  };
}

/** Reads `Name <address>` or a bare address. */
export function parseMailbox(value: string): { name: string; address: string } | undefined {
  const match = /^\s*(?:"?([^"<]*?)"?\s*)?<([^<>\s]+)>\s*$/.exec(value) ?? /^\s*()([^<>\s]+)\s*$/.exec(value);
  if (!match || !z.email().safeParse(match[2]).success) return undefined;
  return { name: match[1]?.trim() || "Beckon", address: match[2]! };
}
