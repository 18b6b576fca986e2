import { afterEach, describe, expect, it } from "vitest";
import { createHarness, post, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
let s: OwnerSession;
afterEach(async () => h?.close());

const send = (path: string, method: string, body: string | ReadableStream, contentType = "application/json") =>
  h.app.request(path, { method, headers: { Cookie: s.cookie, Origin: PUBLIC_URL, "X-CSRF-Token": s.csrfToken, "Content-Type": contentType }, body, duplex: "half" } as RequestInit);

describe("admin routes read bodies one way", () => {
  it("answers the house 400 / 415 / 413 for a malformed, mistyped or oversize body, and still names missing fields", async () => {
    h = await createHarness();
    await createOwner(h, { email: "owner@shop.example", siteId: h.site.id });
    s = await signIn(h, "owner@shop.example");
    const id = (await (await post(h, "/api/v1/sites/shop/callbacks", { when: "asap", name: "Jane", phone: "+14155550123" })).json()).id as string;

    const malformed = await send(`/api/admin/requests/${id}`, "PATCH", "{status: done");
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: { code: "invalid_json", message: "The request body is not valid JSON." } });

    const xml = await send(`/api/admin/requests/${id}/notes`, "POST", "<note>hi</note>", "application/xml");
    expect(xml.status).toBe(415);
    expect((await xml.json()).error.code).toBe("unsupported_media_type");

    // Streamed with no Content-Length: the limit holds while the body is read.
    const big = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify({ text: "x".repeat(40_000) })));
        controller.close();
      },
    });
    const oversize = await send(`/api/admin/requests/${id}/notes`, "POST", big);
    expect(oversize.status).toBe(413);
    expect((await oversize.json()).error.code).toBe("payload_too_large");

    const empty = await send(`/api/admin/sites/shop/members`, "POST", "");
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.code).toBe("validation_failed");

    const note = await send(`/api/admin/requests/${id}/notes`, "POST", JSON.stringify({ text: " Called back \u0000" }));
    expect(note.status).toBe(201);
    expect((await note.json()).event.data).toEqual({ text: "Called back" });
  });
});
