// The inbox search: a substring of a request's fields or its customer's email or phone, within one site.
import { or, sql, type SQL } from "drizzle-orm";
import { customers, requests } from "../db/schema.ts";

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const like = (column: SQL | typeof requests.fields, pattern: string) => sql`${column} LIKE ${pattern} ESCAPE '\\'`;

/** 2^40 - 1: the part of a search row's rowid that is the request's rowid (migration 0025). */
const REQUEST_ROWIDS = 1099511627775;

/**
 * Search: the FTS5 trigram index (`requests_search`: fields, customer email and phone) for 3 characters
 * or more; shorter words fall back to LIKE over the site's rows. An index row's rowid is
 * `(site_id << 40) + the request's rowid`, so the match reads only this site's rowid range of each
 * trigram's list, not every site's (bench/README.md, "Search by site").
 */
export function searchCondition(siteId: number, q: string): SQL {
  const digits = q.replace(/\D/g, "");
  if (q.length >= 3) {
    const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
    const match = digits.length >= 3 && digits !== q ? `${phrase(q)} OR ${phrase(digits)}` : phrase(q);
    const from = sql`(${siteId} << 40)`;
    return sql`${requests}.rowid in (select rowid - ${from} from requests_search where requests_search match ${match} and rowid between ${from} and ${from} + ${sql.raw(String(REQUEST_ROWIDS))})`;
  }
  return or(like(requests.fields, likePattern(q)), like(sql`${customers.email}`, likePattern(q.toLowerCase())))!;
}
