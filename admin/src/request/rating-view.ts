import { html } from "../html.ts";
import type { RequestDetail } from "./types.ts";
import { formatDateTime } from "../ui/format.ts";
import { t } from "../i18n/t.ts";

type Rating = NonNullable<RequestDetail["rating"]>;

/** "Good", "Okay" or "Bad", as the shopper chose. */
export const scoreLabel = (score: Rating["score"]) => t(`rating.${score}`);

/** A shopper's rating: the score as a badge, their comment, and when and where they gave it. */
export function RatingView({ rating, timeZone }: { rating: Rating; timeZone: string }) {
  return html`<div class="rating">
    <span class=${`badge rating-${rating.score}`}>${scoreLabel(rating.score)}</span>
    ${rating.comment ? html`<blockquote class="rating-comment prose">${rating.comment}</blockquote>` : null}
    <p class="muted">${t(rating.via === "email" ? "rating.via_email" : "rating.via_widget", { when: formatDateTime(rating.at, timeZone) })}</p>
  </div>`;
}
