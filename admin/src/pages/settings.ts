import { useEffect, useState } from "preact/hooks";
import { html } from "../html.ts";
import { AlertsSection } from "../settings/alerts-section.ts";
import { AutoReplySection } from "../settings/autoreply-section.ts";
import { AwaySection } from "../settings/away-section.ts";
import { CallbacksSection } from "../settings/callbacks-section.ts";
import { HoursSection } from "../settings/hours-section.ts";
import { MessagesSection } from "../settings/messages-section.ts";
import { OriginsSection } from "../settings/origins-section.ts";
import { PrivacySection } from "../settings/privacy-section.ts";
import { SiteSection } from "../settings/site-section.ts";
import type { SettingsView } from "../settings/types.ts";
import { WidgetSection } from "../settings/widget-section.ts";
import type { PageProps } from "./page.ts";

const SECTIONS = [
  ["site", "Your site"], ["widget", "Widget"], ["hours", "Hours"], ["away", "Away mode"], ["callbacks", "Call-backs"],
  ["messages", "Messages"], ["autoreply", "Automatic reply"], ["alerts", "Alerts"], ["origins", "Allowed origins"], ["privacy", "Privacy"],
] as const;

/** A site's settings: one card per area, each saved on its own. */
export function SettingsPage({ api, site, refreshSession }: PageProps) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () => {
    setError(null);
    api.get<SettingsView>(`/sites/${encodeURIComponent(site.key)}/settings`).then(setView, (err: Error) => setError(err.message));
  };
  useEffect(load, [site.key]);

  if (error) return html`<h1>Settings</h1><p class="form-message form-error" role="alert">${error}</p>
    <button type="button" onClick=${load}>Try again</button>`;
  if (!view) return html`<h1>Settings</h1><p role="status">Loading…</p>`;

  const props = { api, view, onSaved: setView };
  return html`<div class="settings">
    <div class="page-head"><h1>Settings</h1></div>
    <p class="lead">Each part saves on its own. Shoppers see changes the next time they load a page with the widget (allow a minute).</p>
    <nav class="settings-toc" aria-label="Settings sections"><ul>
      ${SECTIONS.map(([id, label]) => html`<li><a href=${`#${id}`} onClick=${(e: Event) => jump(e, id)}>${label}</a></li>`)}
    </ul></nav>
    <${SiteSection} ...${props} onRenamed=${() => void refreshSession()} />
    <${WidgetSection} ...${props} />
    <${HoursSection} ...${props} />
    <${AwaySection} ...${props} />
    <${CallbacksSection} ...${props} />
    <${MessagesSection} ...${props} />
    <${AutoReplySection} ...${props} />
    <${AlertsSection} ...${props} />
    <${OriginsSection} ...${props} />
    <${PrivacySection} ...${props} />
  </div>`;
}

/** In-page links: scroll to the section and move focus to its heading, without leaving the route. */
function jump(event: Event, id: string) {
  event.preventDefault();
  const heading = document.getElementById(`${id}-title`);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: "start" });
}
