// The Beckon server the widget benches (widget-browser.ts, widget-click-trace.ts) measure: `npm start`'s
// path (tsx, the built widget) with the proof of work on, as a shop has it, on a database of its own with
// one site, `bench`, that offers call-backs only (a click on the launcher goes straight to the form) and
// has no origin lock (the bench's page server may show it).
import { createClient } from "@libsql/client";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServerProcess } from "../server/test/server-process.ts";

export async function startWidgetBenchServer(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const dbFile = path.join(dir, "bench.db");
  const server = await startServerProcess({ DATABASE_URL: `file:${dbFile}`, LOG_LEVEL: "error", SPAM_CHALLENGE: "on" });
  const db = createClient({ url: `file:${dbFile}` });
  await db.execute({
    sql: "INSERT INTO sites (key, name, owner_phone, settings) VALUES ('bench', 'Bench shop', '+14155550100', ?)",
    args: [JSON.stringify({ channels: ["callback"], timezone: "America/New_York", phoneCountry: "US", launcherLabel: "Contact us" })],
  });
  db.close();
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
