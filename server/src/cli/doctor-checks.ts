import { createClient } from "@libsql/client";
import { statfs } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../env.ts";
import { createTwilioClient } from "../providers/twilio/twilio-client.ts";

export type Finding = { check: string; status: "ok" | "warn" | "fail"; say: string };

const MB = 1024 * 1024;
/** Below this much free disk the database can no longer grow safely (WAL and backups need room too). */
export const MIN_FREE_DISK = 500 * MB;

const reason = (err: unknown) => {
  const e = err as { cause?: { code?: string; message?: string }; message?: string };
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
};

/** Can this machine reach its own PUBLIC_URL (DNS, TLS, the reverse proxy, the server)? */
export async function checkPublicUrl(config: Config): Promise<Finding> {
  const check = "Public address";
  const url = `${config.publicUrl}/healthz`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: "manual" });
    if (res.status !== 200) return { check, status: "fail", say: `${url} answered ${res.status}, not Beckon's 200: is the reverse proxy pointing at Beckon's PORT?` };
    if (/^https?:\/\/(localhost|127\.|\[::1\])/.test(config.publicUrl)) {
      return { check, status: "warn", say: `PUBLIC_URL is ${config.publicUrl}: fine on this machine, but shoppers and Twilio cannot reach it. Set PUBLIC_URL to your https:// address.` };
    }
    return { check, status: "ok", say: `${config.publicUrl} reaches Beckon.` };
  } catch (err) {
    return { check, status: "fail", say: `${url} could not be reached from this server (${reason(err)}). Is Beckon running, does the name point at this server, and is the reverse proxy up?` };
  }
}

/** Do the Twilio credentials work? A read-only call: fetch the account. */
export async function checkTwilio(config: Config): Promise<Finding> {
  const check = "SMS (Twilio)";
  if (!config.twilio) return { check, status: "warn", say: "Not set up: owner alerts are printed in the server log, not sent. Set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM." };
  try {
    const client = await createTwilioClient(config.twilio);
    const account = await client.api.v2010.accounts(config.twilio.accountSid).fetch();
    if (account.status !== "active") return { check, status: "fail", say: `The Twilio account is ${account.status}: messages will not go out until it is active again.` };
    return { check, status: "ok", say: `Twilio accepts the credentials (account "${account.friendlyName}"); messages come from ${config.twilio.from}.` };
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (status === 401 || status === 404) {
      return { check, status: "fail", say: "Twilio refused the Account SID and Auth Token: copy both again from the Twilio console (Account info)." };
    }
    return { check, status: "fail", say: `Twilio could not be asked (${reason(err)}): check this server's internet connection.` };
  }
}

/** Does the SMTP server accept a connection and our login? */
export async function checkSmtp(config: Config): Promise<Finding> {
  const check = "Email (SMTP)";
  if (!config.mail.smtpUrl) return { check, status: "warn", say: "Not set up: emails are printed in the server log, not sent. Set SMTP_URL and MAIL_FROM." };
  const { default: nodemailer } = await import("nodemailer");
  const transport = nodemailer.createTransport({ url: config.mail.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 10_000 });
  try {
    await transport.verify();
    return { check, status: "ok", say: `The mail server accepts the login; mail goes out from ${config.mail.from.address}.` };
  } catch (err) {
    const e = err as { code?: string; responseCode?: number; message: string };
    if (e.code === "EAUTH") return { check, status: "fail", say: "The mail server refused the user name or password in SMTP_URL." };
    return { check, status: "fail", say: `The mail server could not be reached (${e.code ?? e.message}): check the host and port in SMTP_URL.` };
  } finally {
    transport.close();
  }
}

/** The database: reachable, in WAL mode when it is a local file, and the disk under it has room. */
export async function checkDatabase(config: Config): Promise<Finding[]> {
  const check = "Database";
  // A plain client: openDatabase would switch the journal mode itself and hide what is on disk.
  const client = createClient({ url: config.databaseUrl, authToken: config.databaseAuthToken });
  try {
    if (!config.databaseUrl.startsWith("file:")) {
      await client.execute("SELECT 1");
      return [{ check, status: "ok", say: "The remote database answers." }];
    }
    const file = path.resolve(config.databaseUrl.slice("file:".length).split("?")[0]!);
    const mode = String((await client.execute("PRAGMA journal_mode")).rows[0]?.[0] ?? "");
    const findings: Finding[] = [
      mode === "wal"
        ? { check, status: "ok", say: `${file} is in WAL mode.` }
        : { check, status: "fail", say: `${file} is in "${mode}" journal mode, not WAL: start Beckon once (it switches), or the inbox will stall under load.` },
    ];
    const fs = await statfs(path.dirname(file));
    const free = fs.bavail * fs.bsize;
    findings.push(
      free < MIN_FREE_DISK
        ? { check: "Disk", status: "fail", say: `Only ${Math.round(free / MB)} MB free where the database lives: free some space or the database will stop taking requests.` }
        : { check: "Disk", status: "ok", say: `${Math.round(free / MB)} MB free where the database lives.` },
    );
    return findings;
  } catch (err) {
    return [{ check, status: "fail", say: `The database could not be opened (${reason(err)}): check DATABASE_URL.` }];
  } finally {
    client.close();
  }
}

/** Every check, in the order an owner would fix them. */
export async function runChecks(config: Config): Promise<Finding[]> {
  const [publicUrl, twilio, smtp, database] = await Promise.all([checkPublicUrl(config), checkTwilio(config), checkSmtp(config), checkDatabase(config)]);
  return [publicUrl, ...database, twilio, smtp];
}
