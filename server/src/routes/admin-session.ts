import { Hono, type Context } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { clientIp } from "../http/client-ip.ts";
import { ApiError } from "../http/errors.ts";
import { clearSessionCookie, setSessionCookie, type AdminVars } from "../http/session.ts";
import { authenticate, runSetup, setupNeeded, sitesOf } from "../services/accounts.ts";
import { createSession, revokeSession, type SessionUser } from "../services/sessions.ts";

export type SessionRouteDeps = { db: Db; clock: Clock; secureCookies: boolean; trustProxy: boolean; loginFailuresPer15Min: number };

const siteList = async (db: Db, userId: number) => (await sitesOf(db, userId)).map((s) => ({ key: s.key, name: s.name, role: s.role }));

/** Sign-in, sign-out and first-run setup: the only owner routes that answer without a session. */
export function publicSessionRoutes(deps: SessionRouteDeps) {
  const app = new Hono();
  const { db, clock } = deps;

  const signIn = async (c: Context, user: SessionUser, status: 200 | 201) => {
    const { token, csrfToken } = await createSession(db, clock, user.id);
    setSessionCookie(c, token, deps.secureCookies);
    return c.json({ user, csrfToken, sites: await siteList(db, user.id) }, status);
  };

  // Failed sign-ins are counted per address and per account; successful ones are not.
  const throttle = (key: (c: Context) => Promise<string>) =>
    rateLimiter({
      windowMs: 15 * 60_000,
      limit: deps.loginFailuresPer15Min,
      skipSuccessfulRequests: true,
      keyGenerator: key,
      handler: () => {
        throw new ApiError(429, "too_many_attempts", "Too many failed sign-ins. Wait 15 minutes and try again.");
      },
    });
  const perAddress = throttle(async (c) => `ip:${clientIp(c, deps.trustProxy)}`);
  const perAccount = throttle(async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { email?: unknown };
    return `email:${String(body.email ?? "").trim().toLowerCase()}`;
  });

  app.get("/setup", async (c) => c.json({ needed: await setupNeeded(db) }));
  app.post("/setup", async (c) => signIn(c, await runSetup(db, await c.req.json().catch(() => null)), 201));
  app.post("/session", perAddress, perAccount, async (c) => signIn(c, await authenticate(db, await c.req.json().catch(() => null)), 200));
  return app;
}

/** The signed-in owner's session: who they are, their CSRF token, their sites; and signing out. */
export function sessionRoutes(deps: SessionRouteDeps) {
  const app = new Hono<AdminVars>();
  app.get("/session", async (c) => {
    const { user, csrfToken } = c.get("session");
    return c.json({ user, csrfToken, sites: await siteList(deps.db, user.id) });
  });
  app.delete("/session", async (c) => {
    await revokeSession(deps.db, deps.clock, c.get("session").id);
    clearSessionCookie(c, deps.secureCookies);
    return c.body(null, 204);
  });
  return app;
}
