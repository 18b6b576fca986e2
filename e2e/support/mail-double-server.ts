// Runs a real SMTP server (the test double) as its own process for the end-to-end suite, and shows
// what it received as JSON at GET /_double/mails.
import { createServer } from "node:http";
import { startSmtpDouble } from "../../server/test/smtp-double.ts";
import { E2E } from "./env.ts";

const smtp = await startSmtpDouble({ user: E2E.smtpUser, pass: E2E.smtpPass, port: E2E.smtpPort });
const api = createServer((req, res) => {
  if (req.method !== "GET" || req.url !== "/_double/mails") {
    res.writeHead(404).end();
    return;
  }
  const mails = smtp.mails.map((m) => ({
    from: m.from,
    to: m.to,
    subject: m.parsed.subject ?? "",
    text: m.parsed.text ?? "",
    html: typeof m.parsed.html === "string" ? m.parsed.html : "",
    messageId: m.parsed.messageId ?? "",
    inReplyTo: m.parsed.inReplyTo ?? "",
    replyTo: m.parsed.replyTo?.text ?? "",
  }));
  res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(mails));
});
await new Promise<void>((resolve) => api.listen(E2E.mailApiPort, "127.0.0.1", resolve));
console.info(`SMTP double listening on ${smtp.url}; mails at ${E2E.mailApiUrl}/_double/mails`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    api.close();
    smtp.close().then(() => process.exit(0));
  });
}
