// Issue #11 on the server's side of the widget: the config speaks the shopper's language and sends
// times as data, and a call-back's number is read against the country chosen beside it.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { requests } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

const config = async (query = "") => (await h.app.request(`/api/v1/sites/shop/config${query}`)).json();

describe("the widget config in the shopper's language", () => {
  it("chooses the page's language, then the owner's forced one, the shopper's own, the page's <html lang>, the site default", async () => {
    h = await createHarness({ settings: { defaultLocale: "fr" } });
    expect((await config()).locale).toBe("fr");
    expect((await config("?prefer=ru-RU,de-DE,en")).locale).toBe("de");
    expect((await config("?prefer=ru,ar")).locale).toBe("ar");
    expect((await config("?lang=ja&prefer=de-DE")).locale).toBe("ja");
    expect((await config("?lang=xx&prefer=de-DE")).locale).toBe("de");
    await h.close();
    h = await createHarness({ settings: { forceLocale: "nl" } });
    expect((await config("?prefer=de-DE")).locale).toBe("nl");
    expect((await config("?lang=pl&prefer=de-DE")).locale).toBe("pl");
  });

  it("follows the owner's settings: a default language, a forced one, and an unknown code refused", async () => {
    h = await createHarness();
    await createOwner(h, { email: "mara@shop.example", siteId: h.site.id });
    const session = await signIn(h, "mara@shop.example");
    const save = (settings: object) => ownerRequest(h, session, "PUT", "/api/admin/sites/shop/settings", { settings });
    expect((await save({ defaultLocale: "xx" })).status).toBe(400);
    expect((await save({ defaultLocale: "es", forceLocale: null })).status).toBe(200);
    expect((await config("?prefer=ru")).locale).toBe("es");
    expect((await save({ forceLocale: "tr" })).status).toBe(200);
    expect((await config("?prefer=de-DE")).locale).toBe("tr");
  });

  it("sends the launcher's and the channels' words in that language, but the owner's own label as written", async () => {
    h = await createHarness();
    const de = await config("?prefer=de-DE");
    expect(de).toMatchObject({ launcherLabel: "Kontakt", words: { loadFailed: expect.stringContaining("nicht geladen") } });
    expect(de.words.newAnswers.other).toBe("{count} neue Antworten");
    expect(de.channels).toEqual([
      { id: "callback", label: "Rückruf anfordern" },
      { id: "message", label: "Nachricht senden" },
    ]);
    await h.close();
    h = await createHarness({ settings: { launcherLabel: "Frag Mara" } });
    expect((await config("?prefer=de-DE")).launcherLabel).toBe("Frag Mara");
  });

  it("mirrors the launcher's corner for right-to-left languages unless the owner pinned it", async () => {
    h = await createHarness();
    expect((await config("?prefer=ar")).position).toBe("left");
    expect((await config("?prefer=he")).position).toBe("left");
    expect((await config("?prefer=en")).position).toBe("right");
    await h.close();
    h = await createHarness({ settings: { pinPosition: true } });
    expect((await config("?prefer=ar")).position).toBe("right");
  });

  it("sends availability as data: instants, the weekly hours and their zone, and the site's phone country", async () => {
    h = await createHarness({ settings: { phoneCountry: "GB" } });
    const c = await config();
    expect(c.country).toBe("GB");
    expect(c.availability).toMatchObject({ timeZone: "America/New_York", hours: { mon: [{ from: "09:00", to: "17:00" }], sun: [] } });
    for (const slot of c.callback.slots) expect(slot).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });
});

describe("a call-back's number, read against the chosen country", () => {
  it("stores a German national number as E.164 when Germany was chosen on a US site", async () => {
    h = await createHarness();
    const res = await post(h, "/api/v1/sites/shop/callbacks", { name: "Jonas", phone: "0151 23456789", phoneCountry: "DE", when: "asap", locale: "de" });
    expect(res.status).toBe(201);
    const [row] = await h.db.select().from(requests).where(eq(requests.siteId, 1));
    expect(JSON.stringify(row)).toContain("+4915123456789");
  });

  it("without a chosen country, still reads the number against the site's", async () => {
    h = await createHarness();
    const res = await post(h, "/api/v1/sites/shop/callbacks", { name: "Jonas", phone: "0151 23456789", when: "asap" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fields.phone).toContain("United States");
  });
});

describe("a message's reply promise", () => {
  it("comes as data the widget can write in any language", async () => {
    h = await createHarness(); // Monday 10:00 in New York: open
    const res = await post(h, "/api/v1/sites/shop/messages", { name: "Ana", email: "ana@example.com", message: "Olá!", fields: {} });
    expect(res.status).toBe(201);
    expect((await res.json()).reply).toEqual({ withinHours: 2 });
  });
});
