import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { requests } from "../db/schema.ts";
import { createHarness, OWNER_PHONE, post, postFromTwilio, type Harness } from "../../test/harness.ts";
import { createOwner } from "../../test/owner.ts";
import { smsEncoding, smsSegments } from "../channels/sms/sms-encoding.ts";

let h: Harness;
afterEach(async () => h?.close());

const alerts = () => h.twilio.messages.filter((m) => m.to === OWNER_PHONE);
const stored = async (id: string) => (await h.db.select().from(requests).where(eq(requests.id, id)))[0]!;

describe("a shopper in their own language (server side)", () => {
  it("carries a Russian shopper's Cyrillic name and message to the owner by SMS, her unknown locale falling back", async () => {
    h = await createHarness({ settings: { defaultLocale: "fr" } });
    const message = "Здравствуйте! Есть ли у вас синяя ваза в наличии? Могу забрать завтра.";
    const res = await post(h, "/api/v1/sites/shop/messages", { name: "Анна Петрова", email: "anna@example.ru", message, locale: "ru" });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect((await stored(id)).locale).toBe("fr"); // "ru" is not one of ours: the site's default
    await h.worker.drain();
    const [sms] = alerts();
    expect(sms!.body).toMatch(/^Message #1 from Анна Петрова <anna@example.ru>\n"Здравствуйте! Есть ли у вас синяя ваза/);
    expect(smsEncoding(sms!.body)).toBe("UCS-2");
    expect(sms!.body.length).toBeLessThanOrEqual(134);
    expect(smsSegments(sms!.body)).toBeLessThanOrEqual(2);
  });

  it("answers a German call-back's bad input in German, with the same codes and field names", async () => {
    h = await createHarness({ settings: { consent: { callback: { required: true } } } });
    const res = await post(h, "/api/v1/sites/shop/callbacks", { name: " ", phone: "12", locale: "de" });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("Bitte prüfen Sie die markierten Felder.");
    expect(error.fields.name).toBe("Bitte nennen Sie uns Ihren Namen.");
    const phone = await (await post(h, "/api/v1/sites/shop/callbacks", { name: "Erika", phone: "12", locale: "de" })).json();
    expect(phone.error.fields).toEqual({
      phone: "Das sieht nicht nach einer echten Telefonnummer aus. Bitte prüfen Sie sie, bei Nummern aus dem Ausland mit Ländervorwahl.",
      consent: "Bitte setzen Sie das Häkchen, damit wir Sie anrufen dürfen.",
    });
    // The same request in English keeps today's wording.
    const en = await (await post(h, "/api/v1/sites/shop/callbacks", { name: " ", phone: "+14155550123", consent: true })).json();
    expect(en.error).toMatchObject({ message: "Please check the highlighted fields.", fields: { name: "Tell us your name." } });
  });

  it("texts a German shopper her confirmation in German, at her time in her zone", async () => {
    h = await createHarness({ settings: { shopperSms: { enabled: true, dailyCap: 20, countries: ["DE"] } } });
    const res = await post(h, "/api/v1/sites/shop/callbacks", {
      name: "Erika Mustermann",
      phone: "+4915123456789",
      when: "2026-11-23T19:00:00Z",
      consent: true,
      timeZone: "Europe/Berlin",
      locale: "de",
    });
    expect(res.status).toBe(201);
    const { id } = await res.json();
    expect((await stored(id)).locale).toBe("de");
    await h.worker.drain();
    const [sms] = h.twilio.messages.filter((m) => m.to === "+4915123456789");
    expect(sms!.body).toMatch(/^Test Shop: Danke, Erika! Wir rufen Sie Mo\., 23\. Nov\., 20:00 an\. Absagen: https:\/\/shop\.example\/c\/\S+$/);
    // The link in it opens the page in German.
    const page = await (await h.app.request(new URL(sms!.body.split(" ").at(-1)!).pathname)).text();
    expect(page).toContain('<html lang="de"');
    expect(page).toContain("<h1>Ihr Rückruf</h1>");
    expect(page).toContain(">Montag, 23. November um 20:00</span>");
  });

  it("sends a German shopper's auto-reply in German, or in the owner's own German words when written", async () => {
    h = await createHarness({ settings: { ownerFirstName: "Mara" } });
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    const message = { name: "Erika Mustermann", email: "erika@example.de", message: "Haben Sie die Vase noch?", locale: "de" };
    expect((await post(h, "/api/v1/sites/shop/messages", message)).status).toBe(201);
    await h.worker.drain();
    const [reply] = h.smtp.mails.filter((m) => m.to.includes("erika@example.de"));
    expect(reply!.parsed.subject).toBe("Wir haben Ihre Nachricht erhalten");
    expect(reply!.parsed.text).toBe(
      "Hallo Erika,\n\ndanke für Ihre Nachricht an Test Shop. Mara liest jede Nachricht und antwortet innerhalb von 2 Stunden.\n\nWenn Sie etwas ergänzen möchten, antworten Sie einfach auf diese E-Mail.\n\nMara",
    );

    await h.close();
    h = await createHarness({
      settings: {
        autoReply: { enabled: true, subject: "Thanks!", body: "Hi {{firstName}}, we reply {{replyTime}}." },
        translations: { de: { autoReply: { body: "Hallo {{firstName}}, wir antworten {{replyTime}}." } } },
      },
    });
    await post(h, "/api/v1/sites/shop/messages", message);
    await post(h, "/api/v1/sites/shop/messages", { ...message, email: "jan@example.nl", locale: "nl" });
    await h.worker.drain();
    const [de] = h.smtp.mails.filter((m) => m.to.includes("erika@example.de"));
    expect(de!.parsed.subject).toBe("Thanks!"); // not written in German: the site's own
    expect(de!.parsed.text).toBe("Hallo Erika, wir antworten innerhalb von 2 Stunden.");
    const [nl] = h.smtp.mails.filter((m) => m.to.includes("jan@example.nl"));
    expect(nl!.parsed.text).toBe("Hi Erika, we reply binnen 2 uur."); // the owner's main text; Beckon's words in Dutch
  });

  it("passes an owner's SMS answer in any script to the shopper unchanged", async () => {
    h = await createHarness({ settings: { channels: ["callback", "message", "chat"] } });
    await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
    const token = "shopper-token-0123456789abcdefghijklmnop";
    const { id } = await (await post(h, "/api/v1/sites/shop/chats", { token, message: "مرحبا، هل الطلب جاهز؟", name: "أحمد", locale: "ar" })).json();
    await h.worker.drain();
    expect(alerts()[0]!.body).toContain('"مرحبا، هل الطلب جاهز؟"');
    const answer = "نعم يا أحمد، الطلب جاهز 🎉 — Да, готово!";
    await postFromTwilio(h, "/webhooks/twilio/sms", { From: OWNER_PHONE, To: "+14155550199", Body: answer });
    const chat = await (await h.app.request(`/api/v1/sites/shop/chats/${id}?token=${token}`)).json();
    expect(chat.messages.at(-1)).toMatchObject({ author: "owner", body: answer });
  });
});
