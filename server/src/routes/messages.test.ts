import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { outbox, requests } from "../db/schema.ts";
import { createHarness, MAIL_FROM, OWNER_PHONE, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn } from "../../test/owner.ts";

let h: Harness;
afterEach(async () => h?.close());

const OWNER_EMAIL = "mara@fern.example";
const message = { name: "Jane Doe", email: "Jane@Example.com", topic: "Repotting", message: "My monstera's roots are poking out. What size pot?" };

async function setUp(opts: Parameters<typeof createHarness>[0] = {}) {
  h = await createHarness({ ...opts, settings: { ownerFirstName: "Mara", ...opts.settings } });
  await createOwner(h, { email: OWNER_EMAIL, siteId: h.site.id });
}
const send = (body: Record<string, unknown>, headers: Record<string, string> = {}) => post(h, "/api/v1/sites/shop/messages", body, headers);
const mailTo = (address: string) => h.smtp.mails.filter((m) => m.to.includes(address));

describe("POST /api/v1/sites/:site/messages", () => {
  it("emails the owner the whole message with Reply-To the shopper, texts the owner, and auto-replies personally", async () => {
    await setUp();
    const res = await send(message);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ status: "new", replyTime: "within 2 hours" });
    await h.worker.drain();

    const [owner] = mailTo(OWNER_EMAIL);
    expect(owner!.parsed.replyTo!.value).toEqual([{ name: "Jane Doe", address: "jane@example.com" }]);
    expect(owner!.parsed.from!.value[0]!.address).toBe(MAIL_FROM.address);
    expect(owner!.parsed.subject).toBe("Message #1 from Jane Doe: Repotting");
    expect(owner!.parsed.text).toContain("My monstera's roots are poking out. What size pot?");
    expect(owner!.parsed.text).toContain(`/admin/requests/${body.id}`);
    expect(owner!.parsed.messageId).toMatch(/^<[\w-]+@shop\.example>$/);
    expect(owner!.parsed.date).toBeInstanceOf(Date);
    expect(owner!.parsed.html).toContain("<p>");

    expect(h.twilio.messages).toHaveLength(1);
    expect(h.twilio.messages[0]!.to).toBe(OWNER_PHONE);
    expect(h.twilio.messages[0]!.body).toContain("Message #1 from Jane Doe <jane@example.com>");

    const [reply] = mailTo("jane@example.com");
    expect(reply!.parsed.subject).toBe("We got your message: Repotting");
    expect(reply!.parsed.text).toMatch(/^Hi Jane,/);
    expect(reply!.parsed.text).toContain("Mara reads every message and will answer within 2 hours.");
    expect(reply!.parsed.replyTo!.value[0]!.address).toBe(OWNER_EMAIL);
    // Done properly: both parts, and nothing that phones home.
    expect(reply!.parsed.html).toBeTruthy();
    expect(reply!.raw).not.toMatch(/<img|src=["']?http/i);
  });

  it("greets a returning shopper differently, once the hourly limit allows another auto-reply", async () => {
    await setUp();
    await send(message);
    h.clock.advance(61 * 60_000);
    await send({ ...message, topic: "Thanks" });
    await h.worker.drain();
    const replies = mailTo("jane@example.com");
    expect(replies.map((m) => m.parsed.text!.split("\n")[0])).toEqual(["Hi Jane,", "Good to hear from you again, Jane!"]);
  });

  it("sends at most one auto-reply per address per hour, across sites", async () => {
    await setUp();
    await createOwner(h, { email: "other@owner.example", siteKey: "other" });
    await send(message);
    await send({ ...message, topic: "Again" });
    await post(h, "/api/v1/sites/other/messages", message);
    await h.worker.drain();
    expect(mailTo("jane@example.com")).toHaveLength(1);
    const rows = await h.db.select().from(requests);
    expect(rows).toHaveLength(3);
    const detail = await (await ownerRequest(h, await signIn(h, OWNER_EMAIL), "GET", `/api/admin/requests/${rows[1]!.id}`)).json();
    expect(detail.timeline.map((e: { type: string }) => e.type)).toContain("autoreply_skipped");
  });

  it("keeps template syntax and HTML typed by a shopper inert", async () => {
    await setUp({ settings: { autoReply: { enabled: true, subject: "Hello {{firstName}}", body: "Dear {{name}}, about {{topic}}: {{ownerName}} will answer." } } });
    await send({ ...message, name: "{{ownerName}} <b>Bold</b>", topic: "<script>alert(1)</script>{{#returning}}x{{/returning}}" });
    await h.worker.drain();
    const [reply] = h.smtp.mails.filter((m) => m.to.includes("jane@example.com"));
    expect(reply!.parsed.text).toBe("Dear {{ownerName}} <b>Bold</b>, about <script>alert(1)</script>{{#returning}}x{{/returning}}: Mara will answer.");
    expect(reply!.parsed.html).not.toContain("<script>");
    expect(reply!.parsed.html).not.toContain("<b>");
    expect(reply!.parsed.html).toContain("&lt;script&gt;");
    const [owner] = mailTo(OWNER_EMAIL);
    expect(owner!.parsed.html).not.toContain("<b>Bold</b>");
  });

  it("retries while SMTP is down and delivers exactly once when it is back", async () => {
    await setUp();
    h.smtp.setDown(true);
    await send(message);
    await h.worker.drain();
    expect(h.smtp.mails).toHaveLength(0);
    const pending = await h.db.select().from(outbox).where(eq(outbox.channel, "email"));
    expect(pending.map((r) => r.status)).toEqual(["pending", "pending"]);
    expect(pending[0]!.lastError).toContain("421");

    h.smtp.setDown(false);
    h.clock.advance(60_000);
    await h.worker.drain();
    await h.worker.drain();
    expect(mailTo(OWNER_EMAIL)).toHaveLength(1);
    expect(mailTo("jane@example.com")).toHaveLength(1);
    const sent = await h.db.select().from(outbox).where(eq(outbox.channel, "email"));
    expect(sent.map((r) => [r.status, r.attempts])).toEqual([["sent", 2], ["sent", 2]]);
  });

  it("prints mail and records it as not sent when SMTP is not configured", async () => {
    await setUp({ smtp: false });
    await send(message);
    await h.worker.drain();
    const mails = await h.db.select().from(outbox).where(eq(outbox.channel, "email"));
    expect(mails.map((m) => m.status)).toEqual(["not_sent", "not_sent"]);
    expect(h.log.lines.join("\n")).toContain("Subject: Message #1 from Jane Doe: Repotting");
  });

  it("validates the email, the message and the owner's extra fields", async () => {
    await setUp({
      settings: {
        messageFields: [
          { id: "order_number", label: "Order number", type: "text", required: true },
          { id: "level", label: "Your experience", type: "choice", options: ["beginner", "intermediate", "pro"] },
          { id: "newsletter", label: "Send me the newsletter", type: "checkbox" },
        ],
      },
    });
    const bad = await send({ name: "Jane", email: "not-an-email", message: " " });
    expect(Object.keys((await bad.json()).error.fields).sort()).toEqual(["email", "message"]);
    const badExtras = await send({ ...message, fields: { level: "guru" } });
    expect((await badExtras.json()).error.fields).toEqual({ "fields.order_number": expect.any(String), "fields.level": expect.any(String) });
    const ok = await send({ ...message, fields: { order_number: "A-1234", level: "pro", newsletter: true, sneaky: "ignored" } });
    expect(ok.status).toBe(201);
    const [row] = await h.db.select().from(requests);
    expect((row!.fields as { extras: object }).extras).toEqual({ order_number: "A-1234", level: "pro", newsletter: "Yes" });
    await h.worker.drain();
    expect(mailTo(OWNER_EMAIL)[0]!.parsed.text).toContain("Order number: A-1234\nYour experience: pro");
  });

  it("answers an idempotent retry without sending anything twice", async () => {
    await setUp();
    const key = { "Idempotency-Key": "message-key-0001" };
    const first = await (await send(message, key)).json();
    const second = await (await send(message, key)).json();
    expect(second).toEqual(first);
    await h.worker.drain();
    expect(h.smtp.mails).toHaveLength(2);
    expect(h.twilio.messages).toHaveLength(1);
  });
});

describe("owner replies from the inbox", () => {
  it("emails the shopper in the same thread and records the reply", async () => {
    await setUp();
    const { id } = await (await send(message)).json();
    await h.worker.drain();
    const s = await signIn(h, OWNER_EMAIL);
    const first = await ownerRequest(h, s, "POST", `/api/admin/requests/${id}/replies`, { text: "A 25 cm pot.\n\nMara" });
    expect(first.status).toBe(201);
    await ownerRequest(h, s, "POST", `/api/admin/requests/${id}/replies`, { text: "And use bark-rich soil." });
    await h.worker.drain();

    const [auto, reply1, reply2] = mailTo("jane@example.com");
    expect(reply1!.parsed.subject).toBe("Re: We got your message: Repotting");
    expect(reply1!.parsed.inReplyTo).toBe(auto!.parsed.messageId);
    expect(reply1!.parsed.references).toBe(auto!.parsed.messageId);
    expect(reply2!.parsed.inReplyTo).toBe(reply1!.parsed.messageId);
    expect(reply2!.parsed.references).toEqual([auto!.parsed.messageId, reply1!.parsed.messageId]);
    expect(reply1!.parsed.text!.trim()).toBe("A 25 cm pot.\n\nMara");
    expect(reply1!.parsed.from!.value[0]!.name).toBe("Mara at Test Shop");
    expect(reply1!.parsed.replyTo!.value[0]!.address).toBe(OWNER_EMAIL);

    const detail = await (await ownerRequest(h, s, "GET", `/api/admin/requests/${id}`)).json();
    expect(detail.request.status).toBe("in_progress");
    expect(detail.timeline.filter((e: { type: string }) => e.type === "reply").map((e: { data: { text: string } }) => e.data.text)).toEqual([
      "A 25 cm pot.\n\nMara",
      "And use bark-rich soil.",
    ]);
  });

  it("refuses to reply to a call-back, which has no email", async () => {
    await setUp();
    const { id } = await (await post(h, "/api/v1/sites/shop/callbacks", { name: "Sam", phone: "+14155550123" })).json();
    const res = await ownerRequest(h, await signIn(h, OWNER_EMAIL), "POST", `/api/admin/requests/${id}/replies`, { text: "Hi" });
    expect(res.status).toBe(409);
  });
});
