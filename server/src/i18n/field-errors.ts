import type { z } from "zod";
import { Invalid } from "../domain-errors.ts";
import { CATALOGS, t, type CatalogKey } from "./catalog.ts";
import type { Locale } from "./locales.ts";

// Shopper-facing schemas name their messages by catalog key ("validation.name_required"); the answer
// carries them in the shopper's language. The error code (`validation_failed`) and the field names stay
// the same in every language, so a client can rely on them.

const isKey = (message: string): message is CatalogKey => message in CATALOGS.en;

/** One message per field in `locale`, keyed by the dotted path; the first issue of a field wins. */
export function localizedFieldErrors(error: z.ZodError, locale: Locale): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "body";
    if (path in fields) continue;
    const max = "maximum" in issue ? Number(issue.maximum) : undefined;
    // Messages not in the catalog (a token's shape, zod's own) stay as written in English; elsewhere they are generic.
    fields[path] = isKey(issue.message)
      ? t(locale, issue.message, max === undefined ? {} : { max })
      : locale === "en"
        ? issue.message
        : issue.code === "too_big" && max !== undefined
        ? t(locale, "validation.too_long", { max })
        : t(locale, "validation.invalid");
  }
  return fields;
}

/** The 400 `validation_failed` answer, its message in `locale`; `fields` already in `locale`. */
export function invalidIn(locale: Locale, fields: Record<string, string>): Invalid {
  return new Invalid("validation_failed", t(locale, "validation.check"), fields);
}

/** Parses a shopper's input, or throws `validation_failed` with every bad field in their language. */
export function parseIn<T extends z.ZodType>(locale: Locale, schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalidIn(locale, localizedFieldErrors(result.error, locale));
  return result.data;
}

/** A phone number's problem in `locale`: phone.ts words it in English (naming the format); other languages get the catalog's. */
export function phoneMessage(locale: Locale, typed: string, english: string): string {
  if (locale === "en") return english;
  return t(locale, typed.trim() ? "validation.phone_invalid" : "validation.phone_required");
}
