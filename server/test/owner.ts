import { siteMembers, sites, users } from "../src/db/schema.ts";
import { hashPassword } from "../src/accounts/passwords.ts";
import { PUBLIC_URL, type Harness } from "./harness.ts";

export type OwnerSession = { cookie: string; csrfToken: string; userId: number };

/** Creates an account that owns `siteId` (or a new site), without going through setup. */
export async function createOwner(h: Harness, opts: { email: string; password?: string; siteId?: number; siteKey?: string; canCreateSites?: boolean }) {
  const [user] = await h.db
    .insert(users)
    .values({ name: opts.email.split("@")[0]!, email: opts.email, passwordHash: await hashPassword(opts.password ?? "correct horse battery"), canCreateSites: opts.canCreateSites ?? false })
    .returning();
  let siteId = opts.siteId;
  if (!siteId) {
    const [site] = await h.db
      .insert(sites)
      .values({ key: opts.siteKey ?? `site-${user!.id}`, name: `Site of ${opts.email}`, ownerPhone: "+14155550111", settings: { allowedOrigins: [PUBLIC_URL] } })
      .returning();
    siteId = site!.id;
  }
  await h.db.insert(siteMembers).values({ siteId, userId: user!.id, role: "owner" });
  return { userId: user!.id, siteId };
}

/** Creates an account that is a plain member of `siteId` (as an accepted invitation leaves it). */
export async function createMember(h: Harness, opts: { email: string; siteId: number; password?: string }) {
  const [user] = await h.db
    .insert(users)
    .values({ name: opts.email.split("@")[0]!, email: opts.email, passwordHash: await hashPassword(opts.password ?? "correct horse battery") })
    .returning();
  await h.db.insert(siteMembers).values({ siteId: opts.siteId, userId: user!.id, role: "member" });
  return { userId: user!.id };
}

/** Signs in through the API and returns what the browser would keep. */
export async function signIn(h: Harness, email: string, password = "correct horse battery"): Promise<OwnerSession> {
  const res = await h.app.request("/api/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: PUBLIC_URL },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

/** Calls the owner API as the browser app does: cookie, same origin, CSRF header on writes. */
export function ownerRequest(h: Harness, session: OwnerSession, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { Cookie: session.cookie, Origin: PUBLIC_URL };
  if (method !== "GET") headers["X-CSRF-Token"] = session.csrfToken;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return h.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
