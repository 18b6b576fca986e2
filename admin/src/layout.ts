import type { ComponentChildren, RefObject } from "preact";
import { html } from "./html.ts";
import { paths } from "./pages/page.ts";
import { navigate } from "./router.ts";
import { t } from "./i18n/t.ts";
import type { Session, SiteRef } from "./session.ts";

type LayoutProps = {
  session: Session;
  site: SiteRef | undefined;
  section: string | undefined;
  onSignOut: () => void;
  mainRef: RefObject<HTMLElement>;
  children: ComponentChildren;
};

/** The demo shop every installation starts with: marked, so it is never mistaken for the owner's own. */
export const siteLabel = (s: SiteRef) => (s.key === "demo" ? `${s.name} (demo shop)` : s.name);

/** The frame around every signed-in page: site switcher, sections, the owner, sign out. */
export function Layout({ session, site, section, onSignOut, mainRef, children }: LayoutProps) {
  const sections = site
    ? [
        { id: "inbox", label: "Inbox", href: paths.inbox(site.key) },
        { id: "reports", label: t("reports.nav"), href: paths.reports(site.key) },
        { id: "settings", label: "Settings", href: paths.settings(site.key) },
        { id: "install", label: "Install", href: paths.install(site.key) },
        { id: "members", label: "Members", href: paths.members(site.key) },
        { id: "integrations", label: "Integrations", href: paths.integrations(site.key) },
      ]
    : [];
  return html`<a class="skip-link" href="#main">Skip to content</a>
    <header class="topbar">
      <div class="topbar-row">
        <a class="brand" href="/admin">Beckon</a>
        ${session.sites.length > 1 || !site
          ? html`<label class="site-switch"><span class="visually-hidden">Site</span>
              <select value=${site?.key ?? ""} onChange=${(e: Event) => {
                const key = (e.currentTarget as HTMLSelectElement).value;
                navigate(key === "+" ? paths.newSite() : paths.inbox(key));
              }}>
                ${site ? null : html`<option value="">Choose a site</option>`}
                ${session.sites.map((s) => html`<option value=${s.key}>${siteLabel(s)}</option>`)}
                ${session.canCreateSites ? html`<option value="+">Add a site…</option>` : null}
              </select></label>`
          : html`<span class="site-name">${siteLabel(site)}</span>`}
        <span class="spacer"></span>
        <span class="user" title=${session.user.email}>${session.user.name}</span>
        <button type="button" class="link-button" onClick=${onSignOut}>Sign out</button>
      </div>
      ${sections.length
        ? html`<nav aria-label="Site"><ul class="sections">
            ${sections.map((s) => html`<li><a href=${s.href} aria-current=${s.id === section ? "page" : undefined}>${s.label}</a></li>`)}
            ${session.sites.length === 1 && session.canCreateSites ? html`<li class="add-site"><a href=${paths.newSite()}>Add a site</a></li>` : null}
          </ul></nav>`
        : null}
    </header>
    <main id="main" tabindex="-1" ref=${mainRef}>${children}</main>`;
}
