// What both forms share apart from their markup: how a failed submission is shown.
import type { HttpResult } from "../shared/http.ts";

/** Messages keyed by field: `name`, `email`, … and `fields.<id>` for a site's extra fields, as the server keys them. */
export type FieldErrors = Record<string, string>;
/** `limited`: the server said "too many requests" (429); the form offers the site's other channels. */
export type Problem = { fields: FieldErrors; alert: string; limited?: boolean };

export const noProblem: Problem = { fields: {}, alert: "" };

/** How a failed submission is shown: messages under the form's fields (`known`), the rest in one alert line. */
export function problemFrom(result: Extract<HttpResult<unknown>, { ok: false }>, known: (field: string) => boolean): Problem {
  const { status, error } = result;
  if (status === 429) return { fields: {}, alert: `Too many requests right now. Please try again ${waitText(result.retryAfter)}.`, limited: true };
  const fields: FieldErrors = {};
  const stray: string[] = [];
  for (const [name, message] of Object.entries(error.fields ?? {})) {
    if (known(name)) fields[name] = message;
    else stray.push(message);
  }
  return { fields, alert: stray.join(" ") || (Object.keys(fields).length ? "" : error.message) };
}

/** The real wait from `Retry-After`: "in 40 seconds", "in 3 minutes", "in 2 hours"; "in a few minutes" without one. */
export function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return "in a few minutes";
  const [n, unit] = seconds < 60 ? [Math.max(seconds, 1), "second"] : seconds < 5400 ? [Math.ceil(seconds / 60), "minute"] : [Math.ceil(seconds / 3600), "hour"];
  return `in ${n} ${unit}${n === 1 ? "" : "s"}`;
}
