import cluster from "node:cluster";
import { embedSnippet } from "@beckon/contract/snippet";
import { processCount, runPrimary } from "./cluster.ts";
import { ConfigError, loadConfig, type Config } from "./env.ts";
import { repoRoot, startServer } from "./server.ts";
import { exitOnStopSignal } from "./shutdown.ts";

let config: Config;
try {
  config = loadConfig(process.env, repoRoot);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

// `npm run serve` runs the compiled server (server/build.mjs defines BECKON_COMPILED): one process per core.
const processes = processCount(config.webConcurrency, Boolean(process.env.BECKON_COMPILED));

const banner = (url: string, count: number) => `
Beckon is running on ${url}${count > 1 ? ` (${count} processes)` : ""}
  Demo shop:  ${config.publicUrl}/demo/
  Inbox:      ${config.publicUrl}/admin
  SMS:        ${config.twilio ? `Twilio, from ${config.twilio.from}` : "printed here (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM to send)"}
  Email:      ${config.mail.smtpUrl ? `SMTP, from ${config.mail.from.address}` : "printed here (set SMTP_URL and MAIL_FROM to send)"}
  Embed:      ${embedSnippet(config.publicUrl, "demo")}
`;

if (processes > 1 && cluster.isPrimary) {
  try {
    await runPrimary(processes, console);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  console.info(banner(`http://localhost:${config.port}`, processes));
} else {
  // Listening for SIGTERM before the server is up: a stop during start-up waits for it, then closes.
  const starting = startServer(config);
  exitOnStopSignal(async () => (await starting).close(), console);
  const running = await starting;
  if (cluster.isPrimary) console.info(banner(running.url, 1));
}
