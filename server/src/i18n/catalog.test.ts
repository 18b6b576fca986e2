import { describe, expect, it } from "vitest";
import { CATALOGS, t, tn } from "./catalog.ts";
import { intlTag, LOCALES, resolveLocale } from "./locales.ts";

const placeholders = (value: unknown) =>
  [...new Set(Object.values(typeof value === "string" ? { other: value } : (value as Record<string, string>)).flatMap((text) => text.match(/\{\{?[#^/]?\w+\}?\}/g) ?? []))].sort();

describe("server catalogs", () => {
  const en = CATALOGS.en;
  it.each(LOCALES.filter((l) => l !== "en"))("%s has every key of en, no others, each with the same placeholders", (locale) => {
    const catalog = CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      const theirs = catalog[key];
      expect(typeof theirs === "string" ? theirs.trim() : theirs, `${locale} ${key}`).toBeTruthy();
      // {count} may be written out in a form ("ساعتين", "שעתיים"), so counted phrases only must not invent placeholders
      if (typeof value === "string") expect(placeholders(theirs), `${locale} ${key}`).toEqual(placeholders(value));
      else for (const p of placeholders(theirs)) expect(placeholders(value), `${locale} ${key}`).toContain(p);
    }
  });

  it.each(LOCALES)("%s has a form for every plural category of its language", (locale) => {
    const categories = new Intl.PluralRules(intlTag(locale)).resolvedOptions().pluralCategories;
    for (const [key, value] of Object.entries(CATALOGS[locale])) {
      if (typeof value === "string") continue;
      for (const category of categories) expect(value[category], `${locale} ${key} ${category}`).toBeTruthy();
    }
  });

  it("fills placeholders and picks plural forms by the language's rules", () => {
    expect(tn("en", "reply.within", 1)).toBe("within 1 hour");
    expect(tn("en", "reply.within", 3)).toBe("within 3 hours");
    expect(tn("pl", "reply.within", 1)).toBe("w ciągu 1 godziny");
    expect(tn("pl", "reply.within", 3)).toBe("w ciągu 3 godzin");
    expect(tn("pl", "reply.within", 22)).toBe("w ciągu 22 godzin");
    expect(tn("ar", "reply.within", 2)).toBe("خلال ساعتين");
    expect(tn("ar", "reply.within", 5)).toBe("خلال 5 ساعات");
    expect(t("de", "validation.too_long", { max: 1000 })).toBe("Bitte bleiben Sie unter 1.000 Zeichen.");
  });
});

describe("resolveLocale", () => {
  it("takes the shopper's locale, then the site's, then English", () => {
    expect(resolveLocale("de")).toBe("de");
    expect(resolveLocale("de-DE")).toBe("de");
    expect(resolveLocale("pt-BR")).toBe("pt");
    expect(resolveLocale("ru", "fr")).toBe("fr");
    expect(resolveLocale("ru")).toBe("en");
    expect(resolveLocale(undefined, "xx")).toBe("en");
    expect(resolveLocale(42, "ja")).toBe("ja");
  });
});
