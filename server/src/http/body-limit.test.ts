import { afterEach, describe, expect, it } from "vitest";
import { createHarness, PUBLIC_URL, type Harness } from "../../test/harness.ts";

let h: Harness;
afterEach(() => h?.close());

/** A body that would be `totalMb` megabytes if read to the end; counts how much was pulled. */
function hugeBody(totalMb = 200) {
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  const stats = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled * chunk.length >= totalMb * 1024 * 1024) return controller.close();
      stats.pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, stats };
}

async function postHuge(path: string, contentType: string) {
  const { stream, stats } = hugeBody();
  const res = await h.app.request(path, {
    method: "POST",
    headers: { "Content-Type": contentType, Origin: PUBLIC_URL },
    body: stream,
    duplex: "half",
  } as RequestInit);
  return { res, stats };
}

describe("body limits", () => {
  it.each([
    ["/api/admin/session", "application/json", 16],
    ["/api/admin/setup", "application/json", 16],
    ["/webhooks/twilio/sms", "application/x-www-form-urlencoded", 64],
    ["/api/v1/sites/shop/callbacks", "text/plain", 16],
    ["/c/some-token", "application/x-www-form-urlencoded", 16],
  ])("refuses a streamed 200 MB body to %s with 413, reading only about its cap", async (path, type, capKb) => {
    h = await createHarness();
    const { res, stats } = await postHuge(path, type);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: { code: "payload_too_large", message: expect.stringContaining(`${capKb} KB`) } });
    // 64 KB chunks: the cap is passed within the first two, and a stream may buffer a chunk or two ahead
    expect(stats.pulled).toBeLessThanOrEqual(4);
  });

  it("lets a photo upload use the photo's own cap, and refuses a declared oversize body unread", async () => {
    h = await createHarness();
    const res = await h.app.request("/api/admin/session", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: PUBLIC_URL, "Content-Length": String(200 * 1024 * 1024) },
      body: "{}",
    });
    expect(res.status).toBe(413);
    // Unauthenticated, but past the body limit: a 20 KB photo is over the JSON cap, under the photo's.
    const photo = await h.app.request("/api/admin/sites/shop/photo", {
      method: "PUT",
      headers: { "Content-Type": "image/png", Origin: PUBLIC_URL },
      body: new Uint8Array(20 * 1024),
    });
    expect(photo.status).toBe(401);
  });

  it("marks every /api/admin answer no-store, errors included", async () => {
    h = await createHarness();
    for (const res of [
      await h.app.request("/api/admin/setup"),
      await h.app.request("/api/admin/session"),
      await h.app.request("/api/admin/sites/shop/requests"),
      await h.app.request("/api/admin/nothing-here"),
    ]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});
