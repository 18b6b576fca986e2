/** Who is signed in, as `GET /api/admin/session` answers. */
export type SessionUser = { id: number; name: string; email: string };
export type SiteRef = { key: string; name: string; role: "owner" | "member" };
export type Session = { user: SessionUser; csrfToken: string; sites: SiteRef[]; /** Where `/admin` opens: the owner's first own shop, else the demo. */ home?: string | null; /** An installation owner: may add sites. */ canCreateSites?: boolean };
