import { Hono } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { ApiError } from "../http/errors.ts";
import type { AdminVars } from "../http/session.ts";
import { deleteCustomer, exportCustomer } from "../privacy/customer-data.ts";
import type { FileStore } from "../files/file-store.ts";
import { reapDeletedFiles } from "../files/attachments.ts";

/** A customer's own data, for owners: everything as a JSON download, or erased with an audit line. */
export function customerDataRoutes(deps: { db: Db; clock: Clock; files?: FileStore | undefined }) {
  const app = new Hono<AdminVars>();
  const customerId = (raw: string) => {
    const id = Number(raw);
    if (!Number.isSafeInteger(id)) throw new ApiError(404, "not_found", "There is no such customer in your sites.");
    return id;
  };

  app.get("/customers/:id/export", async (c) => {
    const data = await exportCustomer(deps.db, deps.clock, c.get("session").user.id, customerId(c.req.param("id")));
    c.header("Content-Disposition", `attachment; filename="customer-${data.customer.id}.json"`);
    c.header("Cache-Control", "no-store");
    return c.json(data);
  });

  app.delete("/customers/:id", async (c) => {
    const deleted = await deleteCustomer(deps.db, deps.clock, c.get("session").user.id, customerId(c.req.param("id")));
    // Their files' bytes go once the rows are gone (committed above); a failure here is retried by retention.
    if (deps.files) await reapDeletedFiles(deps.db, deps.files);
    return c.json({ deleted });
  });

  return app;
}
