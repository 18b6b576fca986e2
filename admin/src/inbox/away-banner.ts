import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { paths } from "../pages/page.ts";
import { formatDateTime } from "../ui/format.ts";
import { t } from "../i18n/t.ts";

type AwaySettings = { awayUntil: string | null; timezone: string };

/** "Away until Mon 30 Nov, 09:00" while away mode is on (in the site's zone); null when not away. */
export function awayLine(s: AwaySettings, now: Date, locale?: string): string | null {
  if (!s.awayUntil || new Date(s.awayUntil) <= now) return null;
  return t("inbox.away_until", { when: formatDateTime(s.awayUntil, s.timezone, locale) });
}

/** The inbox's reminder that away mode is on: shoppers are told you're back later, and no call-back times are offered. */
export function AwayBanner({ api, site, now }: { api: Api; site: string; now: Date }) {
  const [settings, setSettings] = useState<AwaySettings | null>(null);
  useEffect(() => {
    api
      .get<{ settings: AwaySettings }>(`/sites/${encodeURIComponent(site)}/settings`)
      .then((view) => setSettings(view.settings))
      .catch(() => undefined);
  }, [site]);
  const line = settings && awayLine(settings, now);
  if (!line) return null;
  return html`<p class="away-banner" role="note"><strong>${line}</strong> ${t("inbox.away_zone", { zone: settings!.timezone.replace(/_/g, " ") })} ${t("inbox.away_body")}
    <a href=${`${paths.settings(site)}#away`}>${t("inbox.away_change")}</a></p>`;
}
