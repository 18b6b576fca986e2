// The catalogs are plain data: these checks keep every locale complete and its plurals right.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chooseLocale, intlTag, LOCALES } from "@beckon/contract/locales";
import { t, useCatalog, type Catalog } from "./translate.ts";

const dir = new URL("../../../locales/", import.meta.url);
const read = (code: string): Catalog => JSON.parse(readFileSync(new URL(`${code}.json`, dir), "utf8"));
const en = read("en");
const placeholders = (m: string | Record<string, string>) =>
  [...new Set(Object.values(typeof m === "string" ? { m } : m).flatMap((s) => s.match(/\{\w+\}/g) ?? []))].filter((p) => p !== "{count}").sort();

describe("the catalogs", () => {
  it("are one file per supported locale, no more, no fewer", () => {
    expect(readdirSync(dir).filter((f) => f.endsWith(".json")).map((f) => f.replace(".json", "")).sort()).toEqual([...LOCALES].sort());
  });

  for (const code of LOCALES) {
    it(`${code}: has every key English has, and no other, with the same placeholders and every plural form of its language`, () => {
      const words = read(code);
      expect(Object.keys(words).sort()).toEqual(Object.keys(en).sort());
      const categories = new Intl.PluralRules(intlTag(code)).resolvedOptions().pluralCategories;
      for (const [key, message] of Object.entries(en)) {
        const translated = words[key]!;
        expect(typeof translated, key).toBe(typeof message);
        expect(placeholders(translated), `${code} ${key}`).toEqual(placeholders(message));
        if (typeof translated === "object") expect(Object.keys(translated).sort(), `${code} ${key}`).toEqual([...categories].sort());
        if (code !== "en") expect(Object.values(typeof translated === "string" ? { translated } : translated).join(""), `${code} ${key}`).not.toBe("");
      }
    });
  }
});

describe("plurals", () => {
  it("pl: one, few and many (1, 2–4, 5–21, 22–24, 25)", () => {
    useCatalog("pl", "pl", read("pl"));
    expect([1, 2, 4, 5, 12, 21, 22, 25].map((count) => t("newAnswers", { count }))).toEqual([
      "1 nowa odpowiedź",
      "2 nowe odpowiedzi",
      "4 nowe odpowiedzi",
      "5 nowych odpowiedzi",
      "12 nowych odpowiedzi",
      "21 nowych odpowiedzi",
      "22 nowe odpowiedzi",
      "25 nowych odpowiedzi",
    ]);
    expect(t("inMinutes", { count: 3 })).toBe("za 3 minuty");
  });

  it("ar: zero, one, two, few, many, other", () => {
    useCatalog("ar", "ar", read("ar"));
    expect([0, 1, 2, 3, 10, 11, 99, 100].map((count) => t("newAnswers", { count }))).toEqual([
      "لا توجد ردود جديدة",
      "رد جديد واحد",
      "ردّان جديدان",
      "3 ردود جديدة",
      "10 ردود جديدة",
      "11 ردًا جديدًا",
      "99 ردًا جديدًا",
      "100 رد جديد",
    ]);
  });
});

describe("chooseLocale", () => {
  it("takes the page's choice, the owner's forced language, the shopper's, <html lang>, then the site default", () => {
    expect(chooseLocale({ explicit: "de", forced: "fr", preferred: ["ja"], fallback: "es" })).toBe("de");
    expect(chooseLocale({ explicit: "ru", forced: "fr", preferred: ["ja"], fallback: "es" })).toBe("fr");
    expect(chooseLocale({ preferred: ["ru-RU", "pt-BR", "en"], fallback: "es" })).toBe("pt");
    expect(chooseLocale({ preferred: ["ru-RU", null, "he-IL"], fallback: "es" })).toBe("he");
    expect(chooseLocale({ preferred: ["ru"], fallback: "es" })).toBe("es");
    expect(chooseLocale({})).toBe("en");
  });

  it("keeps the shopper's own variant for dates (en-GB writes 14:00); pt is Brazilian", () => {
    expect(intlTag("en", ["en-GB", "en"])).toBe("en-GB");
    expect(intlTag("de", ["fr-FR", "de-AT"])).toBe("de-AT");
    expect(intlTag("pt", ["fr"])).toBe("pt-BR");
  });
});
