import { eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { users } from "../db/schema.ts";
import { clientIp } from "../http/client-ip.ts";
import { clearSessionCookie, setSessionCookie, type AdminVars } from "../http/session.ts";
import { authenticate, runSetup, setupInput, setupNeeded, signInInput, sitesOf } from "../accounts/accounts.ts";
import { loginThrottle } from "../accounts/login-throttle.ts";
import { requestPasswordReset, resetInfo, resetInput, resetPassword, resetRequestInput } from "../accounts/password-reset.ts";
import { confirmPhoneCode, type PhoneDeps } from "../accounts/phone-verification.ts";
import { createSession, revokeSession, type SessionUser } from "../accounts/sessions.ts";
import { acceptInput, acceptInvite, inviteInfo } from "../accounts/team.ts";
import { readBody } from "../http/json-body.ts";
import { z } from "zod";

export type SessionRouteDeps = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  secureCookies: boolean;
  trustProxy: boolean;
  loginFailuresPer15Min: number;
  mailFrom: { name: string; address: string };
  mailConfigured: boolean;
  phones: PhoneDeps;
};

/**
 * The sites a person works (by name), and `home`: where `/admin` opens, their own first shop (the
 * earliest made that is not the demo), else the demo.
 */
const siteList = async (db: Db, userId: number) => {
  const all = await sitesOf(db, userId);
  const own = all.filter((s) => s.key !== "demo").sort((a, b) => a.id - b.id)[0];
  return { sites: all.map((s) => ({ key: s.key, name: s.name, role: s.role })), home: (own ?? all[0])?.key ?? null };
};
const canCreateSites = async (db: Db, userId: number) => !!(await db.select({ v: users.canCreateSites }).from(users).where(eq(users.id, userId)))[0]?.v;
// A link's token or a texted code: anything else than a string is just a wrong one.
const tokenOf = async (c: Context) => (await readBody(c, z.object({ token: z.string().catch("") }))).token;

/** Sign-in, first-run setup, invitations and password resets: the only owner routes that answer without a session. */
export function publicSessionRoutes(deps: SessionRouteDeps) {
  const app = new Hono();
  const { db, clock } = deps;
  const throttle = loginThrottle(db, clock, deps.loginFailuresPer15Min);

  const signIn = async (c: Context, user: SessionUser, status: 200 | 201, extra: Record<string, unknown> = {}) => {
    const { token, csrfToken } = await createSession(db, clock, user.id);
    setSessionCookie(c, token, deps.secureCookies);
    return c.json({ user, csrfToken, ...(await siteList(db, user.id)), canCreateSites: await canCreateSites(db, user.id), ...extra }, status);
  };

  app.get("/setup", async (c) =>
    c.json({ needed: await setupNeeded(db), passwordResetByEmail: deps.mailConfigured, smsConfigured: !!deps.phones.sms }),
  );
  app.post("/setup", async (c) => {
    const { user, phone } = await runSetup(deps.phones, await readBody(c, setupInput));
    return signIn(c, user, 201, { phone });
  });

  // Failed sign-ins are counted per (account, address), per address, and per account as a slower backstop.
  app.post("/session", async (c) => {
    const input = await readBody(c, signInInput);
    const email = input.email;
    const address = clientIp(c, deps.trustProxy);
    await throttle.check(email, address);
    let user: SessionUser;
    try {
      user = await authenticate(db, input);
    } catch (err) {
      await throttle.failed(email, address);
      throw err;
    }
    await throttle.succeeded(email, address);
    return signIn(c, user, 200);
  });

  // The same answer whether or not an account has that address: no one learns who is registered.
  app.post("/password-reset", async (c) => {
    await requestPasswordReset({ db, clock, publicUrl: deps.publicUrl, mailFrom: deps.mailFrom }, await readBody(c, resetRequestInput));
    return c.json({ sent: true, byEmail: deps.mailConfigured }, 202);
  });
  app.post("/password-reset/lookup", async (c) => c.json(await resetInfo(db, clock, await tokenOf(c))));
  app.post("/password-reset/confirm", async (c) => signIn(c, await resetPassword(db, clock, await readBody(c, resetInput)), 200));

  app.post("/invites/lookup", async (c) => c.json(await inviteInfo(db, clock, await tokenOf(c))));
  app.post("/invites/accept", async (c) => signIn(c, await acceptInvite(db, clock, await readBody(c, acceptInput)), 200));
  return app;
}

/** The signed-in owner's session: who they are, their CSRF token, their sites; signing out; proving a phone. */
export function sessionRoutes(deps: SessionRouteDeps) {
  const app = new Hono<AdminVars>();
  app.get("/session", async (c) => {
    const { user, csrfToken } = c.get("session");
    return c.json({ user, csrfToken, ...(await siteList(deps.db, user.id)), canCreateSites: await canCreateSites(deps.db, user.id) });
  });
  app.delete("/session", async (c) => {
    await revokeSession(deps.db, deps.clock, c.get("session").id);
    clearSessionCookie(c, deps.secureCookies);
    return c.body(null, 204);
  });
  app.post("/phone-codes/:id/confirm", async (c) => {
    const { code } = await readBody(c, z.object({ code: z.string().catch("") }));
    const { phone } = await confirmPhoneCode(deps.phones, c.get("session").user.id, Number(c.req.param("id")), code.slice(0, 20));
    return c.json({ verified: true, phone });
  });
  return app;
}
