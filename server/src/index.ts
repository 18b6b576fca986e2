import { embedSnippet } from "@beckon/widget/snippet";
import { ConfigError, loadConfig } from "./env.ts";
import { repoRoot, startServer } from "./server.ts";

let config;
try {
  config = loadConfig(process.env, repoRoot);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const running = await startServer(config);
console.info(`
Beckon is running on ${running.url}
  Demo shop:  ${config.publicUrl}/demo/
  Inbox:      ${config.publicUrl}/admin
  SMS:        ${config.twilio ? `Twilio, from ${config.twilio.from}` : "printed here (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM to send)"}
  Email:      ${config.mail.smtpUrl ? `SMTP, from ${config.mail.from.address}` : "printed here (set SMTP_URL and MAIL_FROM to send)"}
  Embed:      ${embedSnippet(config.publicUrl, "demo")}
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.info(`\n${signal}: finishing in-flight work and shutting down…`);
    running.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
