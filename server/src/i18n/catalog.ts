// The server's words for shoppers, one plain data file per locale (./locales/<code>.json). A value is a
// string with {placeholders}, or, for counted phrases, one string per plural category of that language.
import ar from "./locales/ar.json" with { type: "json" };
import de from "./locales/de.json" with { type: "json" };
import en from "./locales/en.json" with { type: "json" };
import es from "./locales/es.json" with { type: "json" };
import fr from "./locales/fr.json" with { type: "json" };
import he from "./locales/he.json" with { type: "json" };
import it from "./locales/it.json" with { type: "json" };
import ja from "./locales/ja.json" with { type: "json" };
import nl from "./locales/nl.json" with { type: "json" };
import pl from "./locales/pl.json" with { type: "json" };
import pt from "./locales/pt.json" with { type: "json" };
import tr from "./locales/tr.json" with { type: "json" };
import { intlTag, type Locale } from "./locales.ts";

export type CatalogKey = keyof typeof en;
type Entry = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type Catalog = Record<string, Entry>;

/** Every catalog, by locale; `en` is the reference every other must match key for key. */
export const CATALOGS: Record<Locale, Catalog> = { en, es, fr, de, it, pt, nl, pl, tr, ar, he, ja };

const plurals = new Map<Locale, Intl.PluralRules>();
const numbers = new Map<Locale, Intl.NumberFormat>();

const entry = (locale: Locale, key: CatalogKey): Entry => CATALOGS[locale][key] ?? en[key];
const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));

/** A number written the locale's way (1,000 / 1.000 / ١٬٠٠٠). */
export function formatNumber(locale: Locale, n: number): string {
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(intlTag(locale))));
  return format.format(n);
}

/** The text for `key` in `locale`, with `{name}` placeholders filled (numbers written the locale's way). */
export function t(locale: Locale, key: CatalogKey, vars: Record<string, string | number> = {}): string {
  const value = entry(locale, key);
  const text = typeof value === "string" ? value : (value.other ?? "");
  return fill(text, localNumbers(locale, vars));
}

/** A counted phrase: the form `Intl.PluralRules` picks for `count` ("1 hour", "2 hours", "5 godzin"). */
export function tn(locale: Locale, key: CatalogKey, count: number, vars: Record<string, string | number> = {}): string {
  const value = entry(locale, key);
  if (typeof value === "string") return t(locale, key, { count, ...vars });
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(intlTag(locale))));
  const text = value[rules.select(count)] ?? value.other ?? "";
  return fill(text, localNumbers(locale, { count, ...vars }));
}

function localNumbers(locale: Locale, vars: Record<string, string | number>) {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === "number" ? formatNumber(locale, v) : v]));
}

/** The raw text for `key`, nothing filled in: for Mustache templates, which use {{double braces}}. */
export function raw(locale: Locale, key: CatalogKey): string {
  const value = entry(locale, key);
  return typeof value === "string" ? value : (value.other ?? "");
}
