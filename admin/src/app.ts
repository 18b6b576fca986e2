import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type Api } from "./api.ts";
import { html } from "./html.ts";
import { Layout } from "./layout.ts";
import { CustomerPage } from "./pages/customer.ts";
import { InboxPage } from "./pages/inbox.ts";
import { InstallPage } from "./pages/install.ts";
import { IntegrationsPage } from "./pages/integrations.ts";
import { MembersPage } from "./pages/members.ts";
import { NewSitePage } from "./pages/new-site.ts";
import { paths, type PageProps } from "./pages/page.ts";
import { RequestPage } from "./pages/request.ts";
import { ReportsPage } from "./pages/reports.ts";
import { SettingsPage } from "./pages/settings.ts";
import { SetupPage } from "./pages/setup.ts";
import { SignInPage } from "./pages/sign-in.ts";
import { AcceptInvitePage, ResetPasswordPage } from "./pages/link-pages.ts";
import { confirmLeaving, matchPath, navigate, useLocation } from "./router.ts";
import type { Session } from "./session.ts";
import { t } from "./i18n/t.ts";

type Boot = { state: "loading" } | { state: "setup" } | { state: "signed-out" } | { state: "signed-in"; session: Session } | { state: "error"; message: string };

type SiteRoute = { pattern: string; title: () => string; section: "inbox" | "settings" | "install" | "members" | "integrations" | "reports"; page: (props: PageProps) => unknown };

/** The signed-in pages of one site; the first match wins. */
const siteRoutes: SiteRoute[] = [
  { pattern: "/admin/sites/:site", title: () => t("app.page.inbox"), section: "inbox", page: InboxPage },
  { pattern: "/admin/sites/:site/requests/:id", title: () => t("app.page.request"), section: "inbox", page: RequestPage },
  { pattern: "/admin/sites/:site/customers/:id", title: () => t("app.page.customer"), section: "inbox", page: CustomerPage },
  { pattern: "/admin/sites/:site/settings", title: () => t("app.page.settings"), section: "settings", page: SettingsPage },
  { pattern: "/admin/sites/:site/reports", title: () => t("reports.nav"), section: "reports", page: ReportsPage },
  { pattern: "/admin/sites/:site/install", title: () => t("app.page.install"), section: "install", page: InstallPage },
  { pattern: "/admin/sites/:site/members", title: () => t("app.page.members"), section: "members", page: MembersPage },
  { pattern: "/admin/sites/:site/integrations", title: () => t("app.page.integrations"), section: "integrations", page: IntegrationsPage },
];

/** The owner app: first-run setup, sign-in, then the pages of the owner's sites. */
export function App({ api }: { api: Api }) {
  const [boot, setBoot] = useState<Boot>({ state: "loading" });

  const load = async () => {
    try {
      const session = await api.get<Session>("/session");
      api.setCsrfToken(session.csrfToken);
      setBoot({ state: "signed-in", session });
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) {
        setBoot({ state: "error", message: err instanceof Error ? err.message : String(err) });
        return;
      }
      api.setCsrfToken(null);
      const { needed } = await api.get<{ needed: boolean }>("/setup").catch(() => ({ needed: false }));
      setBoot({ state: needed ? "setup" : "signed-out" });
    }
  };
  useEffect(() => void load(), []);

  const signedIn = (session: Session) => {
    api.setCsrfToken(session.csrfToken);
    setBoot({ state: "signed-in", session });
  };

  // One-time links (invitation, password reset) work whoever is signed in, and sign in as their owner.
  const { path } = useLocation();
  const fromLink = (session: Session) => {
    navigate("/admin", { replace: true });
    signedIn(session);
  };
  // Pages outside the signed-in frame name themselves too (the frame sets the title for its own pages).
  const outside = path === "/admin/invite" || path === "/admin/reset-password" || boot.state !== "signed-in";
  useEffect(() => {
    if (!outside) return;
    const page = path === "/admin/invite" ? t("link.your_invitation") : path === "/admin/reset-password" ? t("forgot.title") : boot.state === "setup" ? t("setup.title") : boot.state === "signed-out" ? t("sign_in.sign_in") : t("common.loading");
    document.title = t("app.title", { page });
  }, [outside, path, boot.state]);
  if (path === "/admin/invite") return html`<${AcceptInvitePage} api=${api} onSignedIn=${fromLink} />`;
  if (path === "/admin/reset-password") return html`<${ResetPasswordPage} api=${api} onSignedIn=${fromLink} />`;

  switch (boot.state) {
    case "loading":
      return html`<p class="boot" role="status">${t("common.loading")}</p>`;
    case "error":
      return html`<main class="boot"><h1>${t("app.went_wrong")}</h1><p role="alert">${boot.message}</p>
        <button type="button" onClick=${load}>${t("app.try_again")}</button></main>`;
    case "setup":
      return html`<${SetupPage} api=${api} onSignedIn=${signedIn} />`;
    case "signed-out":
      return html`<${SignInPage} api=${api} onSignedIn=${signedIn} />`;
    case "signed-in":
      return html`<${SignedIn} api=${api} session=${boot.session} refreshSession=${load}
        onSignedOut=${() => { api.setCsrfToken(null); setBoot({ state: "signed-out" }); navigate("/admin", { replace: true }); }} />`;
  }
}

function SignedIn({ api, session, refreshSession, onSignedOut }: { api: Api; session: Session; refreshSession: () => Promise<void>; onSignedOut: () => void }) {
  const { path, query } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  const newSite = path === paths.newSite();
  // Links in alert SMS and emails name only the request: find its site, then show it there.
  const bareRequest = matchPath("/admin/requests/:id", path);
  useEffect(() => {
    if (!bareRequest) return;
    api
      .get<{ site: { key: string } }>(`/requests/${encodeURIComponent(bareRequest.id!)}`)
      .then((d) => navigate(paths.request(d.site.key, bareRequest.id!), { replace: true }))
      .catch(() => navigate("/admin", { replace: true }));
  }, [bareRequest?.id]);
  let route: SiteRoute | undefined;
  let params: Record<string, string> = {};
  for (const r of siteRoutes) {
    const m = matchPath(r.pattern, path);
    if (m) {
      route = r;
      params = m;
      break;
    }
  }
  const site = route ? session.sites.find((s) => s.key === params.site) : undefined;

  // Anything else under /admin (the bare /admin, an old link) goes to the inbox of the owner's own
  // shop: the first one they made (the server says which), the demo still one switch away.
  const home = session.sites.find((s) => s.key === session.home) ?? session.sites.find((s) => s.key !== "demo") ?? session.sites[0];
  const fallback = !newSite && !route && !bareRequest ? (home ? paths.inbox(home.key) : paths.newSite()) : null;
  useEffect(() => {
    if (fallback) navigate(fallback, { replace: true });
  }, [fallback]);

  const title = newSite ? t("app.add_site") : route && site ? t("app.page_site", { page: route.title(), site: site.name }) : t("app.not_found");
  useEffect(() => {
    document.title = t("app.title", { page: title });
    // Tell screen readers the page changed: move focus to the new page's content (not on first load).
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [path]);

  const signOut = async () => {
    if (!confirmLeaving()) return;
    await api.send("DELETE", "/session").catch(() => undefined);
    onSignedOut();
  };

  const pageProps = { api, session, params, query, navigate, refreshSession };
  let content: unknown;
  if (fallback) content = null;
  else if (bareRequest) content = html`<p class="muted" role="status">${t("app.opening_request")}</p>`;
  else if (newSite) content = html`<${NewSitePage} ...${pageProps} />`;
  else if (!site) content = html`<h1>${t("app.not_found")}</h1><p>${t("app.no_such_site", { site: params.site ?? "" })} <a href="/admin">${t("app.back_to_inbox")}</a></p>`;
  else content = html`<${route!.page} key=${site.key} ...${pageProps} site=${site} />`;

  return html`<${Layout} session=${session} site=${site} section=${route?.section} onSignOut=${signOut} mainRef=${main}>${content}<//>`;
}
