import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseMailbox } from "./env.ts";

describe("loadConfig", () => {
  it("runs with no configuration at all", () => {
    const config = loadConfig({}, "/srv/beckon");
    expect(config).toMatchObject({ port: 8787, publicUrl: "http://localhost:8787", databaseUrl: "file:/srv/beckon/data/beckon.db", twilio: undefined });
    expect(config.mail).toEqual({ smtpUrl: undefined, from: { name: "Beckon", address: "beckon@localhost" } });
  });

  it("lists every bad variable at once", () => {
    try {
      loadConfig({ PORT: "eighty", TWILIO_ACCOUNT_SID: "AC1", OWNER_PHONE: "12345", SMTP_URL: "mail.example", OWNER_EMAIL: "a@b.example" }, "/");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).problems.map((p) => p.split(":")[0]).sort();
      expect(vars).toEqual(["OWNER_PASSWORD", "OWNER_PHONE", "PORT", "SMTP_URL", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"]);
    }
  });

  it("asks for proof of work unless SPAM_CHALLENGE turns it off", () => {
    expect(loadConfig({}, "/").challenge).toEqual({ maxNumber: 50_000, ttlMs: 20 * 60_000 });
    expect(loadConfig({ SPAM_CHALLENGE_MAX_NUMBER: "2000" }, "/").challenge?.maxNumber).toBe(2000);
    expect(loadConfig({ SPAM_CHALLENGE: "off" }, "/").challenge).toBeUndefined();
    expect(loadConfig({ RATE_LIMIT_REJECTED_PER_10_MIN: "45" }, "/").rateLimits.rejectedPer10Min).toBe(45);
  });

  it("reads mailboxes with or without a name", () => {
    expect(parseMailbox('"Fern & Thistle" <hello@fern.example>')).toEqual({ name: "Fern & Thistle", address: "hello@fern.example" });
    expect(parseMailbox("hello@fern.example")).toEqual({ name: "Beckon", address: "hello@fern.example" });
    expect(parseMailbox("not an address")).toBeUndefined();
  });
});
