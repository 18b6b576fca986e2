import { Hono, type MiddlewareHandler } from "hono";
import type { Clock } from "../clock.ts";
import type { Pipeline } from "../pipeline/commit.ts";
import type { Db } from "../db/client.ts";
import { clientIp } from "../http/client-ip.ts";
import { ApiError } from "../http/errors.ts";
import { readBody } from "../http/json-body.ts";
import { getApiCustomer, getApiRequest, listApiRequests, patchApiRequest, patchInput } from "../owner-api/requests.ts";
import { authenticateToken, type TokenGrant } from "../owner-api/tokens.ts";
import { createCounters } from "../rate-limit/counters.ts";
import { rateLimited, waitWords } from "../rate-limit/submission-limits.ts";

export type OwnerApiDeps = {
  db: Db;
  clock: Clock;
  trustProxy: boolean;
  /** Per token, per minute (counted in the database, shared by every process). */
  requestsPerMinute?: number;
  /** Changes (status, note) commit through it: their events, live views and webhooks follow. */
  pipeline: Pipeline;
};

type Vars = { Variables: { grant: TokenGrant } };

/** The owner API (`Authorization: Bearer bk_…`): documented in server/openapi.yaml, checked by openapi.test.ts. */
export function ownerApi(deps: OwnerApiDeps) {
  const app = new Hono<Vars>();
  const counters = createCounters(deps.db);
  const perMinute = deps.requestsPerMinute ?? 120;

  const bearer: MiddlewareHandler<Vars> = async (c, next) => {
    c.header("Cache-Control", "no-store");
    const now = deps.clock.now();
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const grant = token ? await authenticateToken(deps.db, deps.clock, token) : undefined;
    if (!grant) {
      // Wrong tokens are counted per address; a live token is never held up by someone else's on the same network.
      const wait = await counters.hit([{ key: `api-bad:${clientIp(c, deps.trustProxy)}`, limit: 20, windowMs: 10 * 60_000 }], now);
      if (wait !== null) throw rateLimited(wait, `Too many requests with a wrong token. Try again in ${waitWords(wait)}.`);
      throw new ApiError(401, "unauthenticated", "Send Authorization: Bearer <token>, with a live token from Settings → API tokens.", undefined, { "WWW-Authenticate": "Bearer" });
    }
    const wait = await counters.hit([{ key: `api-token:${grant.tokenId}`, limit: perMinute, windowMs: 60_000 }], now);
    if (wait !== null) throw rateLimited(wait, `This token made ${perMinute} requests this minute. Try again in ${waitWords(wait)}.`);
    c.set("grant", grant);
    await next();
  };
  app.use("/requests", bearer);
  app.use("/requests/*", bearer);
  app.use("/customers/*", bearer);

  app.get("/requests", async (c) => c.json(await listApiRequests(deps.db, c.get("grant"), c.req.query())));
  app.get("/requests/:id", async (c) => c.json(await getApiRequest(deps.db, c.get("grant"), c.req.param("id"))));
  app.patch("/requests/:id", async (c) => {
    const id = c.req.param("id");
    return c.json(await patchApiRequest(deps, c.get("grant"), id, await readBody(c, patchInput)));
  });
  app.get("/customers/:id", async (c) => c.json(await getApiCustomer(deps.db, c.get("grant"), Number(c.req.param("id")))));
  return app;
}
