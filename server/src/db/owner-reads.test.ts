import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";
import { isRead } from "./owner-reads.ts";

// A read that keeps SQLite busy for a good while (seconds on this machine): 10 million rows counted.
const HEAVY = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000000) SELECT count(*) AS c FROM n";

let h: Harness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  h = dir = undefined;
});

describe("owner reads off the public event loop", () => {
  it("answers widget.js, the config and /healthz while an owner's heavy read runs, and the owner's pages read on the reader", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "beckon-reads-"));
    writeFileSync(path.join(dir, "widget.js"), "/* loader */");
    h = await createHarness({ paths: { widgetDir: dir } });
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const session = await signIn(h, "owner@shop.example");
    // Warm the reader thread (it starts on first use) so the race below is only about the heavy read.
    expect((await ownerRequest(h, session, "GET", "/api/admin/sites/shop/requests")).status).toBe(200);

    const done: string[] = [];
    const track = <T>(name: string, p: Promise<T> | T) => Promise.resolve(p).then((v) => (done.push(name), v));
    const heavy = track("heavy owner read", h.database.readScope!(() => h!.database.client.execute(HEAVY)));
    // The owner's inbox page is queued on the reader behind the heavy read.
    const inbox = track("owner inbox", ownerRequest(h, session, "GET", "/api/admin/sites/shop/requests"));
    const healthz = track("healthz", h.app.request("/healthz"));
    const config = track("config", h.app.request("/api/v1/sites/shop/config", { headers: { Origin: "https://shop.example" } }));
    const widget = track("widget.js", h.app.request("/widget.js"));

    const [rs, inboxRes, healthzRes, configRes, widgetRes] = await Promise.all([heavy, inbox, healthz, config, widget]);
    expect(Number(rs.rows[0]!.c)).toBe(10_000_000);
    expect([inboxRes.status, healthzRes.status, configRes.status, widgetRes.status]).toEqual([200, 200, 200, 200]);
    // Order of completion, not milliseconds: the public side never waited for the owner's read.
    expect(done.slice(0, 3).sort()).toEqual(["config", "healthz", "widget.js"]);
    expect(done.slice(3)).toEqual(["heavy owner read", "owner inbox"]);
  }, 120_000);

  it("sends only reads to the reader; writes in an owner's GET still commit on the main connection", async () => {
    h = await createHarness();
    const scope = h.database.readScope!;
    await scope(() => h!.database.client.execute("CREATE TABLE IF NOT EXISTS scratch (x INTEGER)"));
    await scope(() => h!.database.client.execute({ sql: "INSERT INTO scratch (x) VALUES (?)", args: [7] }));
    const rs = await scope(() => h!.database.client.execute("SELECT x FROM scratch"));
    expect(rs.rows.map((r) => r.x)).toEqual([7]);
    expect(rs.rows[0]![0]).toBe(7);
    expect(isRead("select 1")).toBe(true);
    expect(isRead("WITH a AS (SELECT 1) SELECT * FROM a")).toBe(true);
    expect(isRead("WITH a AS (SELECT 1) INSERT INTO scratch SELECT * FROM a")).toBe(false);
    expect(isRead("UPDATE scratch SET x = 1")).toBe(false);
  });
});
