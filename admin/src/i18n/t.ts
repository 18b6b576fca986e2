import { en, type AdminKey } from "./en.ts";

// The owner app's one catalog: English for now (en.ts), the owner's own locale for dates and numbers.

type Entry = string | Partial<Record<Intl.LDMLPluralRule, string>>;
const catalog: Record<string, Entry> = en;

/** The owner's language for dates and numbers: the browser's. */
export const ownerLocale = (): string | undefined => (typeof navigator === "undefined" ? undefined : navigator.language);

let numbers: Intl.NumberFormat | undefined;
/** A number the owner's way (1,234 / 1.234). */
export function formatNumber(n: number): string {
  return (numbers ??= new Intl.NumberFormat(ownerLocale())).format(n);
}

const fill = (text: string, vars: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? (typeof vars[name] === "number" ? formatNumber(vars[name] as number) : String(vars[name])) : whole));

/** The owner app's text for `key`, placeholders filled. */
export function t(key: AdminKey, vars: Record<string, string | number> = {}): string {
  const value = catalog[key]!;
  return fill(typeof value === "string" ? value : (value.other ?? ""), vars);
}

// The catalog's own language picks plural forms (English for now), the owner's locale writes the numbers.
const CATALOG_LANGUAGE = "en";
let cardinals: Intl.PluralRules | undefined;
/** A counted phrase ("1 year", "2 years"). */
export function tCount(key: AdminKey, count: number): string {
  const value = catalog[key]!;
  if (typeof value === "string") return fill(value, { count });
  const form = (cardinals ??= new Intl.PluralRules(CATALOG_LANGUAGE)).select(count);
  return fill(value[form] ?? value.other ?? "", { count });
}

let ordinals: Intl.PluralRules | undefined;
/** An ordinal phrase ("3rd request"): the form English ordinal rules pick for `count`. */
export function tOrdinal(key: AdminKey, count: number): string {
  const value = catalog[key]!;
  if (typeof value === "string") return fill(value, { count: String(count) });
  const form = (ordinals ??= new Intl.PluralRules(CATALOG_LANGUAGE, { type: "ordinal" })).select(count);
  return fill(value[form] ?? value.other ?? "", { count: String(count) });
}
