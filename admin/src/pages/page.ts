import type { Api } from "../api.ts";
import type { Navigate } from "../router.ts";
import type { Session, SiteRef } from "../session.ts";

/** What every signed-in page receives from the app shell. */
export type PageProps = {
  api: Api;
  session: Session;
  /** The site the page is about (from the URL); every page but "new site" has one. */
  site: SiteRef;
  /** Named parts of the URL, e.g. `{ site, id }`. */
  params: Record<string, string>;
  query: URLSearchParams;
  navigate: Navigate;
  /** Reloads the session (e.g. after a site was added or renamed). */
  refreshSession: () => Promise<void>;
};

/** Paths of the app, in one place so links and routes agree. */
export const paths = {
  inbox: (site: string) => `/admin/sites/${encodeURIComponent(site)}`,
  request: (site: string, id: string) => `/admin/sites/${encodeURIComponent(site)}/requests/${encodeURIComponent(id)}`,
  customer: (site: string, id: number | string) => `/admin/sites/${encodeURIComponent(site)}/customers/${id}`,
  settings: (site: string) => `/admin/sites/${encodeURIComponent(site)}/settings`,
  reports: (site: string) => `/admin/sites/${encodeURIComponent(site)}/reports`,
  install: (site: string) => `/admin/sites/${encodeURIComponent(site)}/install`,
  members: (site: string) => `/admin/sites/${encodeURIComponent(site)}/members`,
  integrations: (site: string) => `/admin/sites/${encodeURIComponent(site)}/integrations`,
  newSite: () => `/admin/new-site`,
};
