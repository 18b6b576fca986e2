// What both forms share apart from their markup: how a failed submission is shown.
import type { HttpResult } from "../shared/http.ts";
import { t } from "./i18n/translate.ts";

/** Messages keyed by field: `name`, `email`, … and `fields.<id>` for a site's extra fields, as the server keys them. */
export type FieldErrors = Record<string, string>;
/** `limited`: the server said "too many requests" (429); the form offers the site's other channels. */
export type Problem = { fields: FieldErrors; alert: string; limited?: boolean };

export const noProblem: Problem = { fields: {}, alert: "" };

/** How a failed submission is shown: messages under the form's fields (`known`), the rest in one alert line. */
export function problemFrom(result: Extract<HttpResult<unknown>, { ok: false }>, known: (field: string) => boolean): Problem {
  const { status, error } = result;
  if (status === 429) return { fields: {}, alert: t("tooMany", { wait: waitText(result.retryAfter) }), limited: true };
  const fields: FieldErrors = {};
  const stray: string[] = [];
  for (const [name, message] of Object.entries(error.fields ?? {})) {
    if (known(name)) fields[name] = message;
    else stray.push(message);
  }
  // Our own network failures are worded here; the server's messages come in the shopper's language.
  const own = error.code === "network" ? t("network") : error.code === "bad_response" ? t("badResponse") : error.message;
  return { fields, alert: stray.join(" ") || (Object.keys(fields).length ? "" : own) };
}

/** The real wait from `Retry-After`: "in 40 seconds", "in 3 minutes", "in 2 hours"; "in a few minutes" without one. */
export function waitText(seconds: number | undefined): string {
  if (seconds === undefined) return t("inFewMinutes");
  const [count, key] = seconds < 60 ? [Math.max(seconds, 1), "inSeconds"] : seconds < 5400 ? [Math.ceil(seconds / 60), "inMinutes"] : [Math.ceil(seconds / 3600), "inHours"];
  return t(key, { count });
}
