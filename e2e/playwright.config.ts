import { defineConfig } from "@playwright/test";
import { tmpdir } from "node:os";
import path from "node:path";
import { E2E } from "./support/env.ts";

const database = path.join(tmpdir(), `beckon-e2e-${process.pid}.db`);

export default defineConfig({
  testDir: "./specs",
  testIgnore: /\.changes\.spec\.ts$/,
  // A guard against hangs, not a speed check: CI runs two workers on two shared cores, where a long
  // spec (two browsers, axe) has taken 30 s.
  timeout: 60_000,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E.baseUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      // Without these, Debian's Chromium keeps trying to reach Google hosts this machine cannot reach.
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    // First-run setup through the UI, once; saves the signed-in owner for the specs that need one.
    { name: "setup", testMatch: /\.setup\.ts$/, use: { browserName: "chromium" } },
    { name: "chromium", dependencies: ["setup"], use: { browserName: "chromium" } },
    // Specs that change how the demo site's widget looks or behaves run last, so they cannot
    // surprise the specs above, which run in parallel against the same demo site.
    { name: "site-changes", testMatch: /\.changes\.spec\.ts$/, testIgnore: [], dependencies: ["chromium"], use: { browserName: "chromium" } },
  ],
  webServer: [
    {
      command: "npx tsx support/twilio-double-server.ts",
      url: `${E2E.twilioUrl}/_double/messages`,
      reuseExistingServer: false,
    },
    {
      command: "npx tsx support/mail-double-server.ts",
      url: `${E2E.mailApiUrl}/_double/mails`,
      reuseExistingServer: false,
    },
    {
      // The real server, started the way `npm start` starts it, against the freshly built widget.
      command: "npx tsx ../server/src/index.ts",
      url: `${E2E.baseUrl}/healthz`,
      reuseExistingServer: false,
      env: {
        PORT: String(E2E.port),
        PUBLIC_URL: E2E.baseUrl,
        DATABASE_URL: `file:${database}`,
        TWILIO_ACCOUNT_SID: E2E.twilioSid,
        TWILIO_AUTH_TOKEN: E2E.twilioToken,
        TWILIO_FROM: E2E.twilioFrom,
        TWILIO_API_BASE_URL: E2E.twilioUrl,
        OWNER_PHONE: E2E.ownerPhone,
        SMTP_URL: `smtp://${E2E.smtpUser}:${E2E.smtpPass}@127.0.0.1:${E2E.smtpPort}`,
        MAIL_FROM: E2E.mailFrom,
        RATE_LIMIT_IP_PER_10_MIN: "1000",
        RATE_LIMIT_REJECTED_PER_10_MIN: "1000",
        // Lets the spam spec post as a shopper from its own address (X-Forwarded-For), so blocking it blocks no one else.
        TRUST_PROXY: "1",
        // The widget solves the real proof of work; a small one keeps specs quick on a busy machine.
        SPAM_CHALLENGE_MAX_NUMBER: "5000",
        OUTBOX_POLL_MS: "200",
        // The integrations spec's webhook receiver listens on 127.0.0.1.
        ALLOW_PRIVATE_WEBHOOKS: "true",
        // push.changes.spec.ts: an unacknowledged push alert's SMS follows after 6 s, not 5 minutes.
        PUSH_FALLBACK_MINUTES: "0.1",
        FILE_STORE: `file:${E2E.filesDir}`,
      },
    },
  ],
});
