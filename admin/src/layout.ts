import type { ComponentChildren, RefObject } from "preact";
import { html } from "./html.ts";
import { paths } from "./pages/page.ts";
import { navigate } from "./router.ts";
import type { Session, SiteRef } from "./session.ts";
import { t } from "./i18n/t.ts";
import { ThemePicker } from "./ui/theme.ts";

type LayoutProps = {
  session: Session;
  site: SiteRef | undefined;
  section: string | undefined;
  onSignOut: () => void;
  mainRef: RefObject<HTMLElement>;
  children: ComponentChildren;
};

/** The demo shop every installation starts with: marked, so it is never mistaken for the owner's own. */
export const siteLabel = (s: SiteRef) => (s.key === "demo" ? t("layout.demo_site", { name: s.name }) : s.name);

/** The frame around every signed-in page: site switcher, sections, the owner, sign out. */
export function Layout({ session, site, section, onSignOut, mainRef, children }: LayoutProps) {
  const sections = site
    ? [
        { id: "inbox", label: t("layout.inbox"), href: paths.inbox(site.key) },
        { id: "reports", label: t("reports.nav"), href: paths.reports(site.key) },
        { id: "settings", label: t("layout.settings"), href: paths.settings(site.key) },
        { id: "install", label: t("layout.install"), href: paths.install(site.key) },
        { id: "members", label: t("layout.members"), href: paths.members(site.key) },
        { id: "integrations", label: t("layout.integrations"), href: paths.integrations(site.key) },
      ]
    : [];
  return html`<a class="skip-link" href="#main">${t("layout.skip")}</a>
    <header class="topbar">
      <div class="topbar-row">
        <a class="brand" href="/admin">${t("layout.brand")}</a>
        ${session.sites.length > 1 || !site
          ? html`<label class="site-switch"><span class="visually-hidden">${t("layout.site")}</span>
              <select value=${site?.key ?? ""} onChange=${(e: Event) => {
                const key = (e.currentTarget as HTMLSelectElement).value;
                navigate(key === "+" ? paths.newSite() : paths.inbox(key));
              }}>
                ${site ? null : html`<option value="">${t("layout.choose_site")}</option>`}
                ${session.sites.map((s) => html`<option value=${s.key} data-user-text=${s.key === "demo" ? undefined : ""}>${siteLabel(s)}</option>`)}
                ${session.canCreateSites ? html`<option value="+">${t("layout.add_site_option")}</option>` : null}
              </select></label>`
          : html`<span class="site-name" data-user-text=${site.key === "demo" ? undefined : ""}>${siteLabel(site)}</span>`}
        <span class="spacer"></span>
        <span class="user" title=${session.user.email} data-user-text>${session.user.name}</span>
        <${ThemePicker} />
        <button type="button" class="link-button" onClick=${onSignOut}>${t("layout.sign_out")}</button>
      </div>
      ${sections.length
        ? html`<nav aria-label=${t("layout.sections")}><ul class="sections">
            ${sections.map((s) => html`<li><a href=${s.href} aria-current=${s.id === section ? "page" : undefined}>${s.label}</a></li>`)}
            ${session.sites.length === 1 && session.canCreateSites ? html`<li class="add-site"><a href=${paths.newSite()}>${t("layout.add_site")}</a></li>` : null}
          </ul></nav>`
        : null}
    </header>
    <main id="main" tabindex="-1" ref=${mainRef}>${children}</main>`;
}
