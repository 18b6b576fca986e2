import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { html } from "../html.ts";
import { guardLeaving } from "../router.ts";
import { AlertsSection } from "../settings/alerts-section.ts";
import { AutoReplySection } from "../settings/autoreply-section.ts";
import { AwaySection } from "../settings/away-section.ts";
import { CallbacksSection } from "../settings/callbacks-section.ts";
import { controlFor, unplacedErrors } from "../settings/field-errors.ts";
import { HoursSection } from "../settings/hours-section.ts";
import { LanguagesSection } from "../settings/languages-section.ts";
import { LanguageSection } from "../settings/language-section.ts";
import { MessagesSection } from "../settings/messages-section.ts";
import { OriginsSection } from "../settings/origins-section.ts";
import { dirtySections, mergeContributions, SettingsContext, withDraft, type Contribution, type SettingsStore } from "../settings/page-state.ts";
import { SaveBar, type SaveMessage } from "../settings/save-bar.ts";
import { PrivacySection } from "../settings/privacy-section.ts";
import { SiteSection } from "../settings/site-section.ts";
import { SavedAnswersSection } from "../settings/saved-answers-section.ts";
import type { SettingsView } from "../settings/types.ts";
import { WidgetSection } from "../settings/widget-section.ts";
import type { PageProps } from "./page.ts";
import { t } from "../i18n/t.ts";

const SECTIONS = (["site", "widget", "language", "hours", "away", "callbacks", "messages", "autoreply", "languages", "alerts", "origins", "privacy", "saved_answers"] as const).map(
  (id) => [id === "saved_answers" ? "saved-answers" : id, t(`settings.section.${id}`)] as const,
);

const SAVED = t("settings.saved");
const LEAVE = t("settings.leave");

/**
 * A site's settings: one card per area, one page state for all of them. Edits anywhere show the
 * sticky "Unsaved changes · Save · Discard" bar and are saved together; leaving with unsaved edits
 * asks first. Members see everything read-only.
 */
export function SettingsPage({ api, site, refreshSession }: PageProps) {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<SaveMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [owners, setOwners] = useState<string[] | null>(null);
  const builders = useRef(new Map<string, () => Contribution>()).current;
  const root = useRef<HTMLDivElement>(null);
  const dirty = Object.keys(drafts).length > 0;
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  const readOnly = site.role !== "owner";

  const load = () => {
    setLoadError(null);
    api.get<SettingsView>(`/sites/${encodeURIComponent(site.key)}/settings`).then(setView, (err: Error) => setLoadError(err.message));
  };
  useEffect(load, [site.key]);
  useEffect(() => guardLeaving(LEAVE, () => dirtyNow.current), []);
  useEffect(() => {
    if (!readOnly) return;
    api
      .get<{ members: { name: string; role: string }[] }>(`/sites/${encodeURIComponent(site.key)}/members`)
      .then((d) => setOwners(d.members.filter((m) => m.role === "owner").map((m) => m.name)), () => setOwners([]));
  }, [site.key, readOnly]);

  // After a refused save, focus goes to the first control the errors name (in page order), else the bar's message.
  useEffect(() => {
    const page = root.current;
    if (!attempt || !page) return;
    const exists = (id: string) => !!page.querySelector(`#${CSS.escape(id)}`);
    const first = Object.keys(errors)
      .map((path) => controlFor(path, exists))
      .filter((id): id is string => !!id)
      .map((id) => page.querySelector<HTMLElement>(`#${CSS.escape(id)}`)!)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    const target = first?.matches("input, select, textarea, button") ? first : (first?.querySelector<HTMLElement>("input, select, textarea") ?? first);
    (target ?? page.querySelector<HTMLElement>(".save-bar-message"))?.focus();
  }, [attempt]);

  if (loadError) return html`<h1>${t("settings.title")}</h1><p class="form-message form-error" role="alert">${loadError}</p>
    <button type="button" onClick=${load}>${t("settings.try_again")}</button>`;
  if (!view) return html`<h1>${t("settings.title")}</h1><p role="status">${t("common.loading")}</p>`;

  const refuse = (fields: Record<string, string>, text: string) => {
    setErrors(fields);
    setMessage({ kind: "error", text });
    setAttempt((n) => n + 1);
  };

  const save = async () => {
    if (busy || !dirty) return;
    const parts = [...dirtySections(drafts)].map((id) => builders.get(id)?.()).filter((p): p is Contribution => !!p);
    const merged = mergeContributions(parts, view.settings);
    if ("reject" in merged) return refuse(merged.reject, t("settings.check_fields"));
    setBusy(true);
    setMessage(null);
    try {
      const next = await api.send<SettingsView>("PUT", `/sites/${encodeURIComponent(site.key)}/settings`, merged.update);
      setView(next);
      setDrafts({});
      setErrors({});
      setMessage({ kind: "ok", text: SAVED });
      if (next.site.name !== view.site.name) void refreshSession();
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      const exists = (id: string) => !!root.current?.querySelector(`#${CSS.escape(id)}`);
      refuse(fields, [err instanceof Error ? err.message : String(err), ...unplacedErrors(fields, exists)].join(" "));
    } finally {
      setBusy(false);
    }
  };

  const discard = () => {
    setDrafts({});
    setErrors({});
    setMessage(null);
  };

  const store: SettingsStore = {
    view,
    drafts,
    errors,
    builders,
    readOnly,
    save: () => void save(),
    setDraft: (key, next, saved) =>
      setDrafts((d) => {
        const current = key in d ? d[key] : saved;
        return withDraft(d, key, typeof next === "function" ? (next as (prev: unknown) => unknown)(current) : next, saved);
      }),
  };
  const props = { api, view, onSaved: setView };
  const sections = html`
    <${SiteSection} ...${props} />
    <${WidgetSection} ...${props} />
    <${LanguageSection} ...${props} />
    <${HoursSection} ...${props} />
    <${AwaySection} ...${props} />
    <${CallbacksSection} ...${props} />
    <${MessagesSection} ...${props} />
    <${AutoReplySection} ...${props} />
    <${LanguagesSection} ...${props} />
    <${AlertsSection} ...${props} />
    <${OriginsSection} ...${props} />
    <${PrivacySection} ...${props} />`;

  return html`<${SettingsContext.Provider} value=${store}><div class="settings" ref=${root}>
    <div class="page-head"><h1>${t("settings.title")}</h1></div>
    ${readOnly
      ? html`<p class="read-only-note" role="note"><strong>${t("settings.read_only")}</strong> ${t("settings.read_only_body")}${
          owners?.length ? html`: ${owners.join(", ")}` : ""}. ${t("settings.read_only_ask")}</p>`
      : html`<p class="lead">${t("settings.lead")}</p>`}
    <nav class="settings-toc" aria-label=${t("settings.sections")}><ul>
      ${SECTIONS.map(([id, label]) => html`<li><a href=${`#${id}`} onClick=${(e: Event) => jump(e, id)}>${label}</a></li>`)}
    </ul></nav>
    ${readOnly ? html`<fieldset class="settings-lock" disabled><legend class="visually-hidden">${t("settings.read_only_legend")}</legend>${sections}</fieldset>` : sections}
    <${SavedAnswersSection} api=${api} siteKey=${site.key} />
    ${readOnly ? null : html`<${SaveBar} dirty=${dirty} busy=${busy} message=${message} onSave=${save} onDiscard=${discard} />`}
  </div><//>`;
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
