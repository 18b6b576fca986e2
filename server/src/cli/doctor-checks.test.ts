import { serve } from "@hono/node-server";
import { createClient } from "@libsql/client";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../env.ts";
import { createHarness, twilioCreds, TWILIO_FROM, type Harness } from "../../test/harness.ts";
import { freePort } from "../../test/server-process.ts";
import { runChecks, type Finding } from "./doctor-checks.ts";

let h: Harness;
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  await h?.close();
});

/** The harness app on a real port, as PUBLIC_URL would reach it. */
async function servedHarness() {
  h = await createHarness();
  const server = serve({ fetch: h.app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  cleanup.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const byCheck = (findings: Finding[]) => Object.fromEntries(findings.map((f) => [f.check, f]));

describe("beckon doctor's checks", () => {
  it("passes with good Twilio and SMTP credentials, a reachable PUBLIC_URL and a WAL database", async () => {
    const publicUrl = await servedHarness();
    const config = loadConfig(
      {
        PUBLIC_URL: publicUrl,
        DATABASE_URL: `file:${h.dbFile}`,
        TWILIO_ACCOUNT_SID: twilioCreds.accountSid,
        TWILIO_AUTH_TOKEN: twilioCreds.authToken,
        TWILIO_FROM,
        TWILIO_API_BASE_URL: h.twilio.url,
        SMTP_URL: h.smtp.url,
      },
      "/",
    );
    const found = byCheck(await runChecks(config));
    expect(Object.values(found).filter((f) => f.status === "fail")).toEqual([]);
    expect(found["SMS (Twilio)"]).toMatchObject({ status: "ok" });
    expect(found["Email (SMTP)"]).toMatchObject({ status: "ok" });
    expect(found["Database"]).toMatchObject({ status: "ok" });
    expect(found["Disk"]).toMatchObject({ status: "ok" });
    // Reachable, but a loopback address is no use to shoppers or Twilio.
    expect(found["Public address"]).toMatchObject({ status: "warn" });
  });

  it("says in plain words what is wrong: refused Twilio and SMTP logins, an unreachable PUBLIC_URL, a database not in WAL mode", async () => {
    h = await createHarness();
    const plainFile = path.join(path.dirname(h.dbFile), "plain.db");
    const plain = createClient({ url: `file:${plainFile}` });
    await plain.execute("CREATE TABLE t (x)");
    plain.close();
    const config = loadConfig(
      {
        PUBLIC_URL: `http://127.0.0.1:${await freePort()}`,
        DATABASE_URL: `file:${plainFile}`,
        TWILIO_ACCOUNT_SID: twilioCreds.accountSid,
        TWILIO_AUTH_TOKEN: "not-the-token",
        TWILIO_FROM,
        TWILIO_API_BASE_URL: h.twilio.url,
        SMTP_URL: h.smtp.url.replace(":smtp-secret@", ":wrong@"),
      },
      "/",
    );
    const found = byCheck(await runChecks(config));
    expect(found["Public address"]).toMatchObject({ status: "fail", say: expect.stringContaining("could not be reached from this server") });
    expect(found["SMS (Twilio)"]).toMatchObject({ status: "fail", say: expect.stringContaining("Twilio refused the Account SID and Auth Token") });
    expect(found["Email (SMTP)"]).toMatchObject({ status: "fail", say: expect.stringContaining("refused the user name or password") });
    expect(found["Database"]).toMatchObject({ status: "fail", say: expect.stringContaining("not WAL") });
  });
});
