import { html } from "../html.ts";
import { ApiTokensSection } from "../integrations/api-tokens-section.ts";
import { WebhooksSection } from "../integrations/webhooks-section.ts";
import type { PageProps } from "./page.ts";
import { t } from "../i18n/t.ts";

/** Connecting other tools: the site's outgoing webhooks (owners) and your personal API tokens. */
export function IntegrationsPage({ api, site }: PageProps) {
  const base = `/sites/${encodeURIComponent(site.key)}`;
  return html`<div class="members integrations">
    <h1>${t("integrations.title")}</h1>
    ${site.role === "owner"
      ? html`<${WebhooksSection} api=${api} base=${base} />`
      : html`<section class="card"><h2>${t("integrations.webhooks")}</h2><p class="muted">${t("integrations.owners_only")}</p></section>`}
    <${ApiTokensSection} api=${api} siteKey=${site.key} />
  </div>`;
}
