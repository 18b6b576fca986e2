import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Hono } from "hono";
import { migrateDatabase, openDatabase, type Database } from "./db/client.ts";
import { DomainError, NotFound, RateLimited } from "./domain-errors.ts";
import { ApiError, errorResponse } from "./http/errors.ts";
import { memberRequest } from "./inbox/inbox.ts";
import { rateLimited } from "./rate-limit/submission-limits.ts";

let open: { database: Database; dir: string } | undefined;
afterEach(() => {
  open?.database.close();
  if (open) rmSync(open.dir, { recursive: true, force: true });
  open = undefined;
});

describe("domain errors", () => {
  it("a service called directly throws a domain error, not an HTTP one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beckon-domain-"));
    const database = await openDatabase(`file:${path.join(dir, "db.sqlite")}`);
    open = { database, dir };
    await migrateDatabase(database.db);
    const err = await memberRequest(database.db, 1, "no-such-request").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFound);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).not.toBeInstanceOf(ApiError);
    expect((err as NotFound).code).toBe("not_found");
  });

  it("errors.ts answers each kind with its status, the house body and Retry-After", async () => {
    const app = new Hono();
    app.get("/missing", () => {
      throw new NotFound("not_found", "Nothing here.");
    });
    app.get("/slow-down", () => {
      throw rateLimited(42);
    });
    app.onError((err, c) => errorResponse(err, c, console));
    const missing = await app.request("/missing");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: "Nothing here." } });
    const slow = await app.request("/slow-down");
    expect(slow.status).toBe(429);
    expect(slow.headers.get("Retry-After")).toBe("42");
    expect(rateLimited(1)).toBeInstanceOf(RateLimited);
  });
});
