import type { MiddlewareHandler } from "hono";
import type { ReadScope } from "../db/owner-reads.ts";

/** The owner's paths whose GETs read on the reader thread, so they never stall the public side. */
export const OWNER_READ_PATHS = ["/api/admin/*", "/api/v1/requests", "/api/v1/requests/*", "/api/v1/customers/*"];

/** Runs a GET (or HEAD) inside the database's read scope; other methods run as they are. */
export function offThreadReads(scope: ReadScope): MiddlewareHandler {
  return (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? scope(() => next()) : next());
}
