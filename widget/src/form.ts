// What both forms share apart from their markup: how a failed submission is shown.
import type { HttpResult } from "./http.ts";

/** Messages keyed by field: `name`, `email`, … and `fields.<id>` for a site's extra fields, as the server keys them. */
export type FieldErrors = Record<string, string>;
export type Problem = { fields: FieldErrors; alert: string };

export const noProblem: Problem = { fields: {}, alert: "" };

/** How a failed submission is shown: messages under the form's fields (`known`), the rest in one alert line. */
export function problemFrom(result: Extract<HttpResult<unknown>, { ok: false }>, known: (field: string) => boolean): Problem {
  const { status, error } = result;
  // The server's 429 says the real wait ("try again in 7 minutes"), from the same counter as Retry-After.
  if (status === 429) return { fields: {}, alert: error.message.includes("try again in") ? error.message : "Too many requests — please try again in a minute." };
  const fields: FieldErrors = {};
  const stray: string[] = [];
  for (const [name, message] of Object.entries(error.fields ?? {})) {
    if (known(name)) fields[name] = message;
    else stray.push(message);
  }
  return { fields, alert: stray.join(" ") || (Object.keys(fields).length ? "" : error.message) };
}
