import { describe, expect, it } from "vitest";
import { raw } from "../i18n/catalog.ts";
import { shopperWords } from "./locale-settings.ts";
import { DEFAULT_AUTOREPLY_BODY, DEFAULT_AUTOREPLY_SUBJECT, readSettings } from "./site-settings.ts";
import { widgetConfig } from "./widget-config.ts";

describe("the owner's words per language", () => {
  it("uses what the owner wrote for the language, else the main text, else Beckon's own words in it", () => {
    const s = readSettings({ greeting: "Welcome to the Fern shop!", translations: { de: { greeting: "Willkommen bei Fern!", consent: { chat: "Ja, bitte." } } } });
    const de = shopperWords(s, "de");
    expect(de.greeting).toBe("Willkommen bei Fern!");
    expect(de.consent.chat.text).toBe("Ja, bitte.");
    expect(de.consent.callback.text).toBe("Sie dürfen mich zu dieser Anfrage anrufen und mir SMS schicken."); // never changed: Beckon's German
    expect(de.privacyLine).toBe("Wir nutzen Ihre Angaben nur, um Ihnen zu antworten.");
    expect(shopperWords(s, "fr").greeting).toBe("Welcome to the Fern shop!"); // the owner's main text
    expect(shopperWords(readSettings({}), "ja").autoReply.subject).toBe(raw("ja", "autoreply.subject"));
    expect(shopperWords(readSettings({ translations: { es: { greeting: "  " } } }), "es").greeting).toBe("¡Hola! ¿En qué podemos ayudarte?");
  });

  it("keeps the English defaults of the settings and the catalog the same text", () => {
    const s = readSettings({});
    expect(raw("en", "autoreply.subject")).toBe(DEFAULT_AUTOREPLY_SUBJECT);
    expect(raw("en", "autoreply.body")).toBe(DEFAULT_AUTOREPLY_BODY);
    expect(shopperWords(s, "en")).toMatchObject({ greeting: s.greeting, launcherLabel: s.launcherLabel, privacyLine: s.privacyLine });
    expect(shopperWords(s, "en").consent).toEqual(s.consent);
  });

  it("gives the widget the texts in the language asked for, and the site's language by default", () => {
    const site = { id: 1, key: "shop", name: "Fern", photoUpdatedAt: null, settings: readSettings({ defaultLocale: "nl", channels: ["callback", "chat"] }) };
    const now = new Date("2026-11-23T15:00:00Z");
    expect(widgetConfig(site as never, now, null).greeting).toBe("Hoi! Waarmee kunnen we helpen?");
    const ar = widgetConfig(site as never, now, null, false, { lang: "ar" });
    expect(ar.launcherLabel).toBe("تواصل معنا");
    expect(ar.channels.map((c) => c.label)).toEqual(["اتصلوا بي", "تحدّث معنا"]);
    expect(ar.consent.privacy).toBe("لا نستخدم ما ترسله إلا للرد عليك.");
  });
});
