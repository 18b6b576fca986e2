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
    TRUST_PROXY: flag,
    RATE_LIMIT_IP_PER_10_MIN: positiveInt(10),
    RATE_LIMIT_SITE_PER_HOUR: positiveInt(120),
    LOGIN_FAILURES_PER_15_MIN: positiveInt(10),
    OWNER_EMAIL: optional.pipe(z.email().optional()),
    OWNER_PASSWORD: optional.pipe(z.string().min(10, "must be at least 10 characters").optional()),
    OUTBOX_POLL_MS: positiveInt(1000),
  })
  .superRefine((env, ctx) => {
    const twilio = [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN, env.TWILIO_FROM];
    if (Boolean(env.OWNER_EMAIL) !== Boolean(env.OWNER_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: [env.OWNER_EMAIL ? "OWNER_PASSWORD" : "OWNER_EMAIL"], message: "set OWNER_EMAIL and OWNER_PASSWORD together" });
    }
    if (twilio.some(Boolean) && !twilio.every(Boolean)) {
      for (const key of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "set all three Twilio variables, or none" });
      }
    }
  });

export type Config = {
  port: number;
  host: string | undefined;
  publicUrl: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  twilio: { accountSid: string; authToken: string; from: string; apiBaseUrl: string | undefined } | undefined;
  ownerPhone: string | undefined;
  trustProxy: boolean;
  rateLimits: { ipPer10Min: number; sitePerHour: number; loginFailuresPer15Min: number };
  ownerAccount: { email: string; password: string } | undefined;
  outboxPollMs: number;
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
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
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
    trustProxy: env.TRUST_PROXY ?? false,
    rateLimits: {
      ipPer10Min: env.RATE_LIMIT_IP_PER_10_MIN,
      sitePerHour: env.RATE_LIMIT_SITE_PER_HOUR,
      loginFailuresPer15Min: env.LOGIN_FAILURES_PER_15_MIN,
    },
    ownerAccount: env.OWNER_EMAIL && env.OWNER_PASSWORD ? { email: env.OWNER_EMAIL, password: env.OWNER_PASSWORD } : undefined,
    outboxPollMs: env.OUTBOX_POLL_MS,
  };
}
