import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { sites } from "../db/schema.ts";
import { readSettings } from "../sites/site-settings.ts";
import { DEFAULT_CONSENT_TEXT, DEFAULT_PRIVACY_LINE } from "../sites/consent-settings.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

const callback = { name: "Jane Doe", phone: "(415) 555-0123", when: "asap" };
const message = { name: "Jane Doe", email: "jane@example.com", message: "Do you ship to Leeds?" };
const chat = { token: "shopper-token-0123456789abcdefghijklmnop", message: "Hi there" };
const fieldsOf = async (res: Response) => (await res.json()).error?.fields;

describe("consent per channel", () => {
  it("a tick required for call-backs is not forced on messages or chat", async () => {
    h = await createHarness({ settings: { channels: ["callback", "message", "chat"], consent: { callback: { required: true } } } });
    expect(await fieldsOf(await post(h, "/api/v1/sites/shop/callbacks", callback))).toEqual({ consent: expect.any(String) });
    expect((await post(h, "/api/v1/sites/shop/callbacks", { ...callback, consent: true })).status).toBe(201);
    expect((await post(h, "/api/v1/sites/shop/messages", message)).status).toBe(201);
    expect((await post(h, "/api/v1/sites/shop/chats", chat)).status).toBe(201);
    const config = await (await h.app.request("/api/v1/sites/shop/config")).json();
    expect(config.consent).toEqual({
      privacy: DEFAULT_PRIVACY_LINE,
      callback: { required: true, text: DEFAULT_CONSENT_TEXT.callback },
      message: { required: false, text: DEFAULT_CONSENT_TEXT.message },
      chat: { required: false, text: DEFAULT_CONSENT_TEXT.chat },
    });
  });

  it("messages and chat can each require their own tick", async () => {
    h = await createHarness({ settings: { channels: ["callback", "message", "chat"], consent: { message: { required: true }, chat: { required: true } } } });
    expect((await post(h, "/api/v1/sites/shop/callbacks", callback)).status).toBe(201);
    expect(await fieldsOf(await post(h, "/api/v1/sites/shop/messages", message))).toEqual({ consent: expect.any(String) });
    expect((await post(h, "/api/v1/sites/shop/messages", { ...message, consent: true })).status).toBe(201);
    expect(await fieldsOf(await post(h, "/api/v1/sites/shop/chats", chat))).toEqual({ consent: expect.any(String) });
    expect((await post(h, "/api/v1/sites/shop/chats", { ...chat, consent: true })).status).toBe(201);
  });

  it("reads settings saved in the old shape: the tick and wording for call-backs only", async () => {
    const old = { consentRequired: true, consentText: "I agree that Fern may call and text me." };
    expect(readSettings(old)).toMatchObject({
      privacyLine: DEFAULT_PRIVACY_LINE,
      consent: { callback: { required: true, text: old.consentText }, message: { required: false }, chat: { required: false } },
    });
    expect(readSettings({ consentRequired: false, consentText: "We never share your details." })).toMatchObject({
      privacyLine: "We never share your details.",
      consent: { callback: { required: false, text: DEFAULT_CONSENT_TEXT.callback } },
    });

    h = await createHarness({ settings: { channels: ["callback", "message", "chat"] } });
    await h.db.update(sites).set({ settings: { timezone: "America/New_York", channels: ["callback", "message", "chat"], ...old } }).where(eq(sites.id, h.site.id));
    expect((await post(h, "/api/v1/sites/shop/callbacks", callback)).status).toBe(400);
    expect((await post(h, "/api/v1/sites/shop/messages", message)).status).toBe(201);
    // Saving anything writes the new shape, keeping what the old one meant.
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    const s = await signIn(h, "owner@shop.example");
    expect((await ownerRequest(h, s, "PUT", "/api/admin/sites/shop/settings", { settings: { greeting: "Hello" } })).status).toBe(200);
    const [row] = await h.db.select({ settings: sites.settings }).from(sites).where(eq(sites.id, h.site.id));
    expect(row!.settings).not.toHaveProperty("consentRequired");
    expect(row!.settings).toMatchObject({ consent: { callback: { required: true, text: old.consentText } } });
  });
});
