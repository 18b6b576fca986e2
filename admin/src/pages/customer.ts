import { useEffect, useState } from "preact/hooks";
import { html } from "../html.ts";
import { formatPhone } from "../ui/format.ts";
import { RequestRow } from "../inbox/request-row.ts";
import { useNow } from "../inbox/use-site-timezone.ts";
import type { CustomerDetail } from "../request/types.ts";
import { formatDateTime } from "../ui/format.ts";
import { CustomerData, describeDeleted } from "./customer-data.ts";
import { CustomerStanding } from "../request/customer-standing.ts";
import { paths, type PageProps } from "./page.ts";
import { RatingView } from "../request/rating-view.ts";
import { t } from "../i18n/t.ts";

/** One customer: how to reach them, since when, and everything they have sent across channels. */
export function CustomerPage({ api, site, params }: PageProps) {
  const [detail, setDetail] = useState<CustomerDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const now = useNow();
  const reload = () =>
    api
      .get<CustomerDetail>(`/customers/${encodeURIComponent(params.id!)}`)
      .then(setDetail)
      .catch((err: Error) => setError(err.message));
  useEffect(() => void reload(), [params.id]);

  // A customer's history comes a page at a time (newest first), like the inbox.
  const loadMore = async () => {
    if (!detail?.nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api.get<CustomerDetail>(`/customers/${encodeURIComponent(params.id!)}?before=${encodeURIComponent(detail.nextCursor)}`);
      setDetail({ ...detail, requests: [...detail.requests, ...page.requests], nextCursor: page.nextCursor });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setLoadingMore(false);
    }
  };

  if (deleted !== null) {
    return html`<article class="customer">
      <p class="crumbs"><a href=${paths.inbox(site.key)}>${t("request.crumb")}</a></p>
      <h1>${t("customer.deleted")}</h1>
      <p role="status">${deleted ? t("customer.deleted_body_what", { what: deleted }) : t("customer.deleted_body")}</p>
    </article>`;
  }
  if (error) return html`<h1>${t("customer.title")}</h1><p class="form-message form-error" role="alert">${error}</p>`;
  if (!detail) return html`<p class="muted" role="status">${t("common.loading")}</p>`;
  const c = detail.customer;
  return html`<article class="customer">
    <p class="crumbs"><a href=${paths.inbox(site.key)}>${t("request.crumb")}</a></p>
    ${c.name ? html`<h1 data-user-text>${c.name}</h1>` : html`<h1>${t("common.visitor")}</h1>`}
    <dl class="fields card">
      ${c.phone ? html`<div class="field-row"><dt>${t("field.phone")}</dt><dd data-user-text><a href=${`tel:${c.phone}`}>${formatPhone(c.phone)}</a></dd></div>` : null}
      ${c.email ? html`<div class="field-row"><dt>${t("field.email")}</dt><dd data-user-text><a href=${`mailto:${c.email}`}>${c.email}</a></dd></div>` : null}
      <div class="field-row"><dt>${t("customer.first_seen")}</dt><dd>${formatDateTime(c.firstSeenAt, detail.timezone)}</dd></div>
      <div class="field-row"><dt>${t("customer.last_seen")}</dt><dd>${formatDateTime(c.lastSeenAt, detail.timezone)}</dd></div>
      <div class="field-row"><dt>${t("customer.requests")}</dt><dd>${t("customer.request_count", { count: c.requestCount })}</dd></div>
      <${CustomerStanding} api=${api} detail=${detail} onChanged=${reload} />
    </dl>
    ${detail.ratings?.length
      ? html`<section class="card" aria-labelledby="ratings-h"><h2 id="ratings-h">${t("rating.customer_title")}</h2>
          <ul class="ratings">${detail.ratings.map(
            (r) => html`<li><a href=${paths.request(site.key, r.requestId)}>${t("rating.of_request", { ref: r.ref })}</a> <${RatingView} rating=${r} timeZone=${detail.timezone} /></li>`,
          )}</ul></section>`
      : null}
    <h2>${t("customer.everything")}</h2>
    <ul class="req-list" aria-label=${t("customer.requests_label")}>
      ${detail.requests.map((r) => html`<${RequestRow} key=${r.id} request=${r} site=${site.key} timeZone=${detail.timezone} now=${now} fresh=${false} />`)}
    </ul>
    ${detail.nextCursor
      ? html`<div class="actions"><button type="button" class="secondary" onClick=${loadMore} disabled=${loadingMore}>${loadingMore ? t("common.loading") : t("customer.load_more")}</button></div>`
      : null}
    ${site.role === "owner" ? html`<${CustomerData} api=${api} id=${c.id} name=${c.name || t("customer.this_visitor")} onDeleted=${(d: Record<string, number>) => setDeleted(describeDeleted(d))} />` : null}
  </article>`;
}
