import { afterEach, describe, expect, it } from "vitest";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
let s: OwnerSession;
afterEach(async () => h?.close());

async function setUp() {
  h = await createHarness();
  await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
  s = await signIn(h, "owner@shop.example");
}

const submit = async (body: Record<string, unknown>) => {
  const res = await post(h, "/api/v1/sites/shop/callbacks", { when: "asap", ...body });
  h.clock.advance(1000);
  return (await res.json()).id as string;
};
const list = async (query = "") => (await ownerRequest(h, s, "GET", `/api/admin/sites/shop/requests${query}`)).json();

describe("inbox", () => {
  it("lists newest first, marks returning customers, filters, searches and pages", async () => {
    await setUp();
    await submit({ name: "Jane Doe", phone: "+14155550123", note: "Monstera leaves are yellow" });
    await submit({ name: "Ravi Patel", phone: "+12125550175", note: "Order 1234 arrived broken" });
    const third = await submit({ name: "Jane Doe", phone: "(415) 555-0123", note: "Thanks for the advice!" });

    const all = await list();
    expect(all.requests.map((r: { name: string }) => r.name)).toEqual(["Jane Doe", "Ravi Patel", "Jane Doe"]);
    expect(all.requests[0].customer).toMatchObject({ returning: true, requestCount: 2, requestNumber: 2 });
    expect(all.requests[2].customer).toMatchObject({ returning: false, requestNumber: 1 });
    expect(all.nextCursor).toBeNull();

    expect((await list("?q=order%201234")).requests.map((r: { name: string }) => r.name)).toEqual(["Ravi Patel"]);
    expect((await list("?q=415%20555")).requests).toHaveLength(2);
    expect((await list("?q=100%25")).requests).toHaveLength(0); // % is literal, not a wildcard

    await ownerRequest(h, s, "PATCH", `/api/admin/requests/${third}`, { status: "done" });
    expect((await list("?status=done")).requests.map((r: { id: string }) => r.id)).toEqual([third]);
    expect((await list("?status=new")).requests).toHaveLength(2);
    expect((await ownerRequest(h, s, "GET", "/api/admin/sites/shop/requests?status=archived")).status).toBe(400);

    for (let i = 0; i < 31; i++) await submit({ name: `Shopper ${i}`, phone: "+12125550100" });
    const first = await list();
    expect(first.requests).toHaveLength(30);
    const second = await list(`?before=${encodeURIComponent(first.nextCursor)}`);
    expect(second.requests).toHaveLength(4);
    expect(new Set([...first.requests, ...second.requests].map((r: { id: string }) => r.id)).size).toBe(34);
  });

  it("shows a request's fields, notification history and timeline with who did what", async () => {
    await setUp();
    h.twilio.failNext(500);
    const id = await submit({ name: "Jane Doe", phone: "+14155550123", note: "Call after lunch" });
    await h.worker.drain();
    await ownerRequest(h, s, "PATCH", `/api/admin/requests/${id}`, { status: "in_progress" });
    await ownerRequest(h, s, "POST", `/api/admin/requests/${id}/notes`, { text: "Left a voicemail" });
    const bad = await ownerRequest(h, s, "POST", `/api/admin/requests/${id}/notes`, { text: "  " });
    expect((await bad.json()).error.fields.text).toBeDefined();

    const detail = await (await ownerRequest(h, s, "GET", `/api/admin/requests/${id}`)).json();
    expect(detail.request).toMatchObject({ id, status: "in_progress", phone: "+14155550123", note: "Call after lunch" });
    expect(detail.site.timezone).toBe("America/New_York");
    expect(detail.notifications).toEqual([
      expect.objectContaining({ channel: "sms", status: "pending", attempts: 1, lastError: expect.stringContaining("HTTP 500") }),
    ]);
    expect(detail.timeline.map((e: { type: string; actor: { name: string } | null; data: object }) => [e.type, e.actor?.name ?? null, e.data])).toEqual([
      ["created", null, {}],
      ["status", "owner", { from: "new", to: "in_progress" }],
      ["note", "owner", { text: "Left a voicemail" }],
    ]);
  });

  it("shows a customer with everything they sent", async () => {
    await setUp();
    await submit({ name: "Jane Doe", phone: "+14155550123" });
    await submit({ name: "Jane D.", phone: "+14155550123" });
    const [latest] = (await list()).requests;
    const res = await (await ownerRequest(h, s, "GET", `/api/admin/customers/${latest.customer.id}`)).json();
    expect(res.customer).toMatchObject({ name: "Jane D.", phone: "+14155550123", requestCount: 2 });
    expect(res.requests).toHaveLength(2);
    expect((await ownerRequest(h, s, "GET", "/api/admin/customers/not-a-number")).status).toBe(404);
  });

  it("pages a customer's history newest first, 30 at a time, with a cursor", async () => {
    await setUp();
    for (let i = 0; i < 33; i++) {
      await submit({ name: `Jane ${i}`, phone: "+14155550123" });
      h.clock.advance(1000);
    }
    const customerId = (await list()).requests[0].customer.id;
    const first = await (await ownerRequest(h, s, "GET", `/api/admin/customers/${customerId}`)).json();
    expect(first.customer.requestCount).toBe(33);
    expect(first.requests).toHaveLength(30);
    expect(first.requests[0].name).toBe("Jane 32");
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await (await ownerRequest(h, s, "GET", `/api/admin/customers/${customerId}?before=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second.requests.map((r: { name: string }) => r.name)).toEqual(["Jane 2", "Jane 1", "Jane 0"]);
    expect(second.nextCursor).toBeNull();
    expect((await ownerRequest(h, s, "GET", `/api/admin/customers/${customerId}?before=nonsense`)).status).toBe(400);
  });

  it("streams new and updated requests to an open inbox", async () => {
    await setUp();
    const res = await ownerRequest(h, s, "GET", "/api/admin/sites/shop/events");
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const until = async (text: string) => {
      while (!received.includes(text)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${text}`);
        received += value;
      }
    };
    await until("event: ready");
    const id = await submit({ name: "Live Larry", phone: "+14155550123" });
    await until("event: request.created");
    expect(received).toContain('"name":"Live Larry"');
    await ownerRequest(h, s, "PATCH", `/api/admin/requests/${id}`, { status: "done" });
    await until("event: request.updated");
    expect(received).toMatch(/event: request.updated\ndata: .*"status":"done"/);
    await reader.cancel();
  });
});
