// The panel's words: one catalog (widget/locales/<locale>.json) at a time, with plurals chosen by
// Intl.PluralRules. Every user-facing string goes through `t` (see no-bare-strings.test.ts).
import { isRtl } from "@beckon/contract/locales";

/** A catalog: a message per key, or for plurals one per CLDR category (`one`, `few`, `other`, …). */
export type Catalog = Record<string, string | Record<string, string>>;
export type Vars = Record<string, string | number>;

let catalog: Catalog = {};
// Built on first use, not at import or on a switch: a page's first Intl.NumberFormat costs 50-90 ms in
// Chromium (its number data loading), which the click that opens the panel must not wait for.
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;

/** The chosen locale ("de"), sent with every submission; its tag for Intl ("de-DE", "pt-BR"); its direction. */
export let locale = "en";
export let lang = "en";
export let dir: "ltr" | "rtl" = "ltr";

/** Switches the panel's words to `words`, with dates, numbers and plurals in `tag` (e.g. "de-DE"). */
export function useCatalog(code: string, tag: string, words: Catalog): void {
  locale = code;
  catalog = words;
  lang = tag;
  dir = isRtl(code) ? "rtl" : "ltr";
  rules = numbers = undefined;
}

/** The message for `key` with its plural form for `vars.count`, before the placeholders are filled. */
function message(key: string, vars: Vars): string {
  const m = catalog[key] ?? key;
  return typeof m === "string" ? m : (m[(rules ??= new Intl.PluralRules(lang)).select(+vars.count!)] ?? m.other ?? key);
}

// `count` is written as the locale writes numbers (Intl.NumberFormat: "1.000" in German).
const fill = (name: string, vars: Record<string, unknown>) => (name === "count" ? (numbers ??= new Intl.NumberFormat(lang)).format(+vars.count!) : (vars[name] ?? ""));

/** The message for `key` with `{name}` placeholders filled. */
export function t(key: string, vars: Vars = {}): string {
  return message(key, vars).replace(/\{(\w+)\}/g, (_, name) => String(fill(name, vars)));
}

/**
 * The message split around its placeholders, each replaced by its value, which may be a node (an email
 * in <bdi>), for Preact to render as children.
 */
export function parts(key: string, vars: Record<string, unknown>): unknown[] {
  return message(key, vars as Vars).split(/\{(\w+)\}/).map((part, i) => (i % 2 ? fill(part, vars) : part));
}
