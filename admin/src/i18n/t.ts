import { en, type AdminKey } from "./en.ts";

// The owner app's one catalog: English for now (en.ts). A translation is another data file of the same
// shape. Dates and numbers are written in the owner's own locale by ui/format.ts.

type Entry = string | Partial<Record<Intl.LDMLPluralRule, string>>;
type Vars = Record<string, string | number>;
const catalog: Record<string, Entry> = en;

/** The owner's language for dates and numbers: the browser's. */
export const ownerLocale = (): string | undefined => (typeof navigator === "undefined" ? undefined : navigator.language);

// The pseudo-locale (a test aid, switched on once at start by main.ts): every text from the catalog and
// every formatted date or number comes wrapped in ⟦…⟧, so a check can find text that bypassed them.
let pseudo = false;
/** Turns the pseudo-locale on or off (main.ts, once, before the first render). */
export function setPseudoLocale(on: boolean): void {
  pseudo = on;
}
/** `text` as the pseudo-locale shows it: wrapped in markers when it is on, unchanged otherwise. */
export const mark = (text: string): string => (pseudo ? `⟦${text}⟧` : text);

let numbers: Intl.NumberFormat | undefined;
/** A number the owner's way (1,234 / 1.234). */
export function formatNumber(n: number): string {
  return mark((numbers ??= new Intl.NumberFormat(ownerLocale())).format(n));
}

const show = (value: string | number) => (typeof value === "number" ? formatNumber(value) : value);
const fill = (text: string, vars: Vars) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? show(vars[name]!) : whole));

// The catalog's own language picks plural forms (English for now), the owner's locale writes the numbers.
const CATALOG_LANGUAGE = "en";
let cardinals: Intl.PluralRules | undefined;
let ordinals: Intl.PluralRules | undefined;

/** The raw text for `key`: the plural form for `count` when the entry has forms. */
function raw(key: AdminKey, count?: number, type: "cardinal" | "ordinal" = "cardinal"): string {
  const value = catalog[key]!;
  if (typeof value === "string") return value;
  if (count === undefined) return value.other ?? "";
  const rules = type === "ordinal" ? (ordinals ??= new Intl.PluralRules(CATALOG_LANGUAGE, { type: "ordinal" })) : (cardinals ??= new Intl.PluralRules(CATALOG_LANGUAGE));
  return value[rules.select(count)] ?? value.other ?? "";
}

/** The owner app's text for `key`, placeholders filled; a `count` var picks the plural form. */
export function t(key: AdminKey, vars: Vars = {}): string {
  return mark(fill(raw(key, typeof vars.count === "number" ? vars.count : undefined), vars));
}

/** A counted phrase ("1 year", "2 years"). */
export function tCount(key: AdminKey, count: number, vars: Vars = {}): string {
  return mark(fill(raw(key, count), { ...vars, count }));
}

/** An ordinal phrase ("3rd request"): the form English ordinal rules pick for `count`. */
export function tOrdinal(key: AdminKey, count: number): string {
  return mark(fill(raw(key, count, "ordinal"), { count: String(count) }));
}

/**
 * A sentence with markup inside ("Paste it before {body} on every page"): the text split at its
 * placeholders, each `{name}` replaced by `parts[name]` (an element, or a string), ready for html``.
 */
export function tParts<P>(key: AdminKey, parts: Record<string, P | string | number>): (P | string)[] {
  const out: (P | string)[] = [];
  raw(key)
    .split(/\{(\w+)\}/)
    .forEach((piece, i) => {
      if (i % 2 === 0) {
        if (piece) out.push(piece);
      } else out.push(piece in parts ? (typeof parts[piece] === "number" ? formatNumber(parts[piece] as number) : (parts[piece] as P | string)) : `{${piece}}`);
    });
  return pseudo ? ["⟦", ...out, "⟧"] : out;
}
