import { useEffect, useState } from "preact/hooks";
import { html } from "../html.ts";
import { AwayBanner } from "../inbox/away-banner.ts";
import { arrivalAnnouncement, matchesFilters } from "../inbox/describe.ts";
import { InboxFilters, type Filters } from "../inbox/filters.ts";
import { filtersFromQuery, inboxHref, listPath } from "../inbox/filters-url.ts";
import { RequestRow } from "../inbox/request-row.ts";
import type { RequestPage, RequestSummary } from "../inbox/types.ts";
import { useInboxEvents } from "../inbox/use-inbox-events.ts";
import { useNow, useSiteTimezone } from "../inbox/use-site-timezone.ts";
import { paths, type PageProps } from "./page.ts";
import { t } from "../i18n/t.ts";

/** Every request of the site, newest first, filtered and searched; new ones arrive live. */
export function InboxPage({ api, site, query, navigate }: PageProps) {
  const filters = filtersFromQuery(query);
  const key = `${filters.status}|${filters.kind}|${filters.q}|${filters.repeat ?? ""}|${filters.sort ?? ""}`;
  const [list, setList] = useState<{ key: string; requests: RequestSummary[]; nextCursor: string | null; pinned?: RequestSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState("");
  const timeZone = useSiteTimezone(api, site.key);
  const now = useNow();

  useEffect(() => {
    setError(null);
    api
      .get<RequestPage>(listPath(site.key, filters))
      .then((page) => setList({ key, ...page }))
      .catch((err: Error) => setError(err.message));
  }, [site.key, key]);

  const live = useInboxEvents(site.key, ({ type, request }) => {
    setList((current) => {
      if (!current) return current;
      const known = current.requests.some((r) => r.id === request.id);
      // A row marked as spam leaves the inbox (and one marked "not spam" leaves the Spam view).
      const stays = Boolean(request.spam) === (filters.status === "spam");
      if (known) return { ...current, requests: current.requests.flatMap((r) => (r.id !== request.id ? [r] : stays ? [request] : [])) };
      if (type === "request.created" && matchesFilters(request, filters) && !filters.q && filters.sort !== "waiting") {
        return { ...current, requests: [request, ...current.requests] };
      }
      return current;
    });
    if (type === "request.created") {
      setFresh((f) => new Set(f).add(request.id));
      setAnnouncement(arrivalAnnouncement(request));
    }
  });

  const loadMore = async () => {
    if (!list?.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api.get<RequestPage>(listPath(site.key, filters, list.nextCursor));
      // Rows that arrived live meanwhile may be on this page too; the filters may have changed since.
      setList((current) => {
        if (!current || current.key !== key) return current;
        const known = new Set(current.requests.map((r) => r.id));
        return { ...current, requests: [...current.requests, ...page.requests.filter((r) => !known.has(r.id))], nextCursor: page.nextCursor };
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoadingMore(false);
    }
  };

  const setFilters = (next: Filters) => navigate(inboxHref(site.key, next), { replace: true });

  const filtered = !!(filters.status || filters.kind || filters.q || filters.repeat || filters.sort);
  const shown = list?.key === key ? list : null;
  return html`<div class="inbox">
    <div class="page-head">
      <h1>${t("inbox.title")}</h1>
      <span class=${live ? "live live-on" : "live"}>${live ? t("inbox.live") : t("inbox.connecting")}</span>
    </div>
    <${AwayBanner} api=${api} site=${site.key} now=${now} />
    <p class="visually-hidden" role="status" aria-live="polite">${announcement}</p>
    <${InboxFilters} key=${key} filters=${filters} onChange=${setFilters} />
    ${error ? html`<p class="form-message form-error" role="alert">${error}</p>` : null}
    ${!shown
      ? html`<p class="muted" role="status">${t("common.loading")}</p>`
      : shown.requests.length === 0
        ? filtered
          ? html`<div class="card empty"><p>${t("inbox.nothing_matches")} <a href=${paths.inbox(site.key)}>${t("inbox.show_everything")}</a></p></div>`
          : html`<div class="card empty">
              <h2>${t("inbox.empty_title")}</h2>
              <p>${t("inbox.empty_body")}</p>
              <p><a href=${paths.install(site.key)}>${t("inbox.empty_install")}</a> ${t("inbox.empty_install_after")}</p>
            </div>`
        : html`${shown.pinned?.length ? html`<h2 class="pinned-head">${t("regulars.pinned")}</h2><ul class="req-list req-pinned" aria-label=${t("regulars.pinned")}>
              ${shown.pinned.map((r) => html`<${RequestRow} key=${r.id} request=${r} site=${site.key} timeZone=${timeZone} now=${now} fresh=${false} />`)}
            </ul>` : null}<ul class="req-list" aria-label=${t("inbox.requests")}>
            ${shown.requests.map((r) => html`<${RequestRow} key=${r.id} request=${r} site=${site.key} timeZone=${timeZone} now=${now} fresh=${fresh.has(r.id)} />`)}
          </ul>`}
    ${shown?.nextCursor
      ? html`<div class="actions"><button type="button" class="secondary" onClick=${loadMore} disabled=${loadingMore}>${loadingMore ? t("common.loading") : t("inbox.load_more")}</button></div>`
      : null}
  </div>`;
}
