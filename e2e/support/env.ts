import { tmpdir } from "node:os";
import path from "node:path";

// Ports can be moved with E2E_PORT_BASE so two copies of the suite can run side by side on one machine.
const base = Number(process.env.E2E_PORT_BASE ?? 8780);

/** Fixed settings shared by the Playwright config, the servers it starts, and the specs. */
export const E2E = {
  port: base + 8,
  baseUrl: `http://localhost:${base + 8}`,
  twilioPort: base + 19,
  twilioUrl: `http://127.0.0.1:${base + 19}`,
  twilioSid: `AC${"e2e".padEnd(32, "0")}`,
  twilioToken: "e2e-auth-token",
  twilioFrom: "+14155550199",
  ownerPhone: "+14155550100",
  smtpPort: base + 25,
  smtpUser: "beckon",
  smtpPass: "smtp-secret",
  mailApiUrl: `http://127.0.0.1:${base + 26}`,
  mailApiPort: base + 26,
  mailFrom: "Beckon <beckon@shop.example>",
  ownerEmail: "owner@shop.example",
  ownerPassword: "correct horse battery",
  /** FILE_STORE of the e2e server: attachments land here, so a spec can read what was stored. */
  filesDir: path.join(tmpdir(), `beckon-e2e-files-${base}`),
} as const;
