import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { outbox, requestRatings } from "../db/schema.ts";
import { signLink } from "../callbacks/shopper-links.ts";
import { createHarness, LINK_SECRET, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { startWebhookReceiver } from "../../test/webhook-receiver.ts";

let h: Harness;
let owner: OwnerSession;
afterEach(async () => h?.close());

const token = "shopper-token-0123456789abcdefghijklmnop";
const base = "/api/v1/sites/shop/chats";

async function germanChat(email = "erika@example.de") {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"], ownerFirstName: "Mara" } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  owner = await signIn(h, "mara@fern.example");
  const chat = await (await post(h, base, { token, message: "Haben Sie die blaue Vase noch?", email, locale: "de", context: { timeZone: "Europe/Berlin" } })).json();
  await ownerRequest(h, owner, "POST", `/api/admin/requests/${chat.id}/messages`, { text: "Ja, noch zwei." });
  return chat as { id: string };
}
const mailsTo = (address: string) => h.smtp.mails.filter((m) => m.to.includes(address));

describe("transcript", () => {
  it("mails the chat in the shopper's language and zone when the owner marks it done, asking for a rating", async () => {
    const chat = await germanChat();
    expect((await ownerRequest(h, owner, "PATCH", `/api/admin/requests/${chat.id}`, { status: "done" })).status).toBe(200);
    await h.worker.drain();
    const [mail] = mailsTo("erika@example.de").filter((m) => m.parsed.subject === "Ihr Chat mit Test Shop");
    expect(mail).toBeDefined();
    const text = mail!.parsed.text!;
    expect(text).toContain("Hier ist Ihr Chat mit Test Shop.");
    // 15:00 UTC is 16:00 in Berlin, written the German way.
    expect(text).toMatch(/Sie, Montag, 23\. November um 16:00:\nHaben Sie die blaue Vase noch\?/);
    expect(text).toContain("Mara, Montag, 23. November um 16:00:\nJa, noch zwei.");
    expect(text).toContain("Wie waren wir?");
    expect(text).toContain(`Gut: https://shop.example/c/${signLink(LINK_SECRET, chat.id)}/rate?score=good`);
    expect(mail!.parsed.html).toContain(`/rate?score=bad">Schlecht</a>`);
  });

  it("mails it on request from the widget, at most once a minute, to the address given when the chat has none", async () => {
    const chat = await germanChat("");
    const asked = await post(h, `${base}/${chat.id}/transcript`, { token, email: "jo@example.com", locale: "de" });
    expect(asked.status).toBe(200);
    expect(await asked.json()).toEqual({ email: "jo@example.com" });
    expect((await post(h, `${base}/${chat.id}/transcript`, { token, email: "jo@example.com" })).status).toBe(429);
    await h.worker.drain();
    const [mail] = mailsTo("jo@example.com");
    expect(mail!.parsed.subject).toBe("Ihr Chat mit Test Shop");
    expect(mail!.parsed.text).not.toContain("Wie waren wir?"); // only the done copy asks
    h.clock.advance(61_000);
    // Without an address, and none on the chat: the field is named.
    const none = await post(h, `${base}/${chat.id}/transcript`, { token, locale: "de" });
    expect(none.status).toBe(400);
    expect((await none.json()).error.fields.email).toBeTruthy();
  });
});

describe("rating", () => {
  it("records one rating of a done chat from the widget; a second gets a 409; webhooks hear request.rated; the owner sees it", async () => {
    const chat = await germanChat();
    const receiver = await startWebhookReceiver();
    try {
      await ownerRequest(h, owner, "POST", "/api/admin/sites/shop/webhooks", { url: receiver.url, events: ["request.rated"] });
      // Not done yet: nothing to rate.
      expect((await post(h, `${base}/${chat.id}/rating`, { token, score: "good" })).status).toBe(409);
      await ownerRequest(h, owner, "PATCH", `/api/admin/requests/${chat.id}`, { status: "done" });
      const rated = await post(h, `${base}/${chat.id}/rating`, { token, score: "good", comment: "Sehr nett!" });
      expect(rated.status).toBe(201);
      const again = await post(h, `${base}/${chat.id}/rating`, { token, score: "bad" });
      expect(again.status).toBe(409);
      expect((await again.json()).error.code).toBe("already_rated");
      expect(await h.db.select().from(requestRatings)).toHaveLength(1);
      // The widget's transcript knows, so it stops asking.
      expect((await (await h.app.request(`${base}/${chat.id}?token=${token}`)).json()).rating).toMatchObject({ score: "good", comment: "Sehr nett!" });
      const detail = await (await ownerRequest(h, owner, "GET", `/api/admin/requests/${chat.id}`)).json();
      expect(detail.rating).toMatchObject({ score: "good", comment: "Sehr nett!", via: "widget" });
      const customer = await (await ownerRequest(h, owner, "GET", `/api/admin/customers/${detail.customer.id}`)).json();
      expect(customer.ratings).toEqual([expect.objectContaining({ requestId: chat.id, score: "good" })]);
      const hooks = await h.db.select().from(outbox).where(eq(outbox.channel, "webhook"));
      expect(hooks.map((o) => (o.payload as { event: { type: string } }).event.type)).toEqual(["request.rated"]);
    } finally {
      await receiver.close();
    }
  });

  it("the signed email link shows the form without rating, the post records it once, and a forged link is refused", async () => {
    const chat = await germanChat();
    await ownerRequest(h, owner, "PATCH", `/api/admin/requests/${chat.id}`, { status: "done" });
    const link = `/c/${signLink(LINK_SECRET, chat.id)}/rate`;
    const shown = await h.app.request(`${link}?score=okay`);
    expect(shown.status).toBe(200);
    const page = await shown.text();
    expect(page).toContain("<h1>Wie waren wir?</h1>");
    expect(page).toMatch(/value=okay required checked>/);
    expect(page).toMatch(/value=good required >/);
    expect(await h.db.select().from(requestRatings)).toHaveLength(0); // opening the link rates nothing
    const form = (body: Record<string, string>) => ({ method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body).toString() });
    const done = await h.app.request(link, form({ score: "okay", comment: "Etwas langsam" }));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Danke für Ihre Bewertung!");
    const [row] = await h.db.select().from(requestRatings);
    expect(row).toMatchObject({ score: "okay", comment: "Etwas langsam", via: "email" });
    const twice = await h.app.request(link, form({ score: "good" }));
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("Das wurde bereits bewertet.");
    // A link this server did not sign finds nothing.
    const forged = `/c/${signLink("another-secret", chat.id)}/rate`;
    expect((await h.app.request(forged, form({ score: "bad" }))).status).toBe(404);
    expect((await h.app.request(forged)).status).toBe(404);
    expect(await h.db.select().from(requestRatings)).toHaveLength(1);
  });
});
