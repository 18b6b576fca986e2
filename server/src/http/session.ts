import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { timingSafeEqual } from "node:crypto";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { findSession, SESSION_DAYS, type ActiveSession } from "../accounts/sessions.ts";
import { ApiError } from "./errors.ts";

export type AdminVars = { Variables: { session: ActiveSession } };

export const SESSION_COOKIE = "beckon_session";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the public URL is https. */
export function setSessionCookie(c: Context, token: string, secure: boolean) {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: "Lax", secure, path: "/", maxAge: SESSION_DAYS * 86_400 });
}

export function clearSessionCookie(c: Context, secure: boolean) {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure });
}

/** Answers 401 unless the cookie refers to a live session. */
export function requireSession(db: Db, clock: Clock): MiddlewareHandler<AdminVars> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findSession(db, clock, token) : undefined;
    if (!session) throw new ApiError(401, "unauthenticated", "Please sign in.");
    c.set("session", session);
    await next();
  };
}

/** CSRF, first line: a state-changing request must come from our own origin (Origin or Sec-Fetch-Site). */
export function sameOriginWrites(publicOrigin: string): MiddlewareHandler {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header("origin");
      if ((origin && origin !== publicOrigin) || c.req.header("sec-fetch-site") === "cross-site") {
        throw new ApiError(403, "csrf_failed", "This request came from another site and was refused.");
      }
    }
    await next();
  };
}

/** CSRF, second line: with a session, a state-changing request must echo its token in X-CSRF-Token. */
export function requireCsrfToken(): MiddlewareHandler<AdminVars> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const sent = Buffer.from(c.req.header("x-csrf-token") ?? "");
      const expected = Buffer.from(c.get("session").csrfToken);
      if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
        throw new ApiError(403, "csrf_failed", "Missing or wrong CSRF token. Reload the page and try again.");
      }
    }
    await next();
  };
}
