import { afterEach, describe, expect, it, vi } from "vitest";
import { request } from "./http.ts";

afterEach(() => vi.unstubAllGlobals());

const answer = (status: number, body: string) => vi.stubGlobal("fetch", vi.fn(async () => new Response(body, { status })));

describe("request", () => {
  it("returns the data of a success", async () => {
    answer(201, '{"id":"r1"}');
    expect(await request("https://x/api")).toEqual({ ok: true, status: 201, data: { id: "r1" } });
  });

  it("returns the server's error shape, fields included", async () => {
    answer(400, '{"error":{"code":"validation_failed","message":"Check.","fields":{"phone":"Bad."}}}');
    expect(await request("https://x/api")).toEqual({
      ok: false,
      status: 400,
      error: { code: "validation_failed", message: "Check.", fields: { phone: "Bad." } },
    });
  });

  it("stands in for a body that is not our error shape", async () => {
    answer(502, "<html>Bad gateway</html>");
    expect(await request("https://x/api")).toMatchObject({ ok: false, status: 502, error: { code: "bad_response" } });
  });

  it("turns a network failure into a value, never a rejection", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    expect(await request("https://x/api")).toMatchObject({ ok: false, status: 0, error: { code: "network" } });
  });

  it("sends no cookies", async () => {
    answer(200, "{}");
    await request("https://x/api", { method: "POST" });
    expect(vi.mocked(fetch).mock.calls[0]?.[1]).toMatchObject({ method: "POST", credentials: "omit" });
  });

  it("reads a 429's Retry-After, in seconds or as a date", async () => {
    const limited = (retryAfter: string) =>
      vi.stubGlobal("fetch", vi.fn(async () => new Response('{"error":{"code":"rate_limited","message":"Slow down."}}', { status: 429, headers: { "Retry-After": retryAfter } })));
    limited("120");
    expect(await request("https://x/api")).toMatchObject({ ok: false, status: 429, retryAfter: 120 });
    limited(new Date(Date.now() + 90_000).toUTCString());
    const dated = await request("https://x/api");
    expect(!dated.ok && dated.retryAfter).toBeGreaterThanOrEqual(88);
    limited("soon");
    expect(await request("https://x/api")).not.toHaveProperty("retryAfter");
  });
});
