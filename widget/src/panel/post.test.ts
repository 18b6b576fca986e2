import { afterEach, describe, expect, it, vi } from "vitest";
import type { Attached } from "../panel-host.ts";
import { poster } from "./post.ts";

afterEach(() => vi.unstubAllGlobals());

const base = "https://beckon.example/api/v1/sites/demo";

describe("the panel's post", () => {
  it("sends a form with chosen files through the picker, to its path's /files, in one request (issue #14)", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const answer = { ok: true as const, status: 201, data: { id: "r1" } };
    const files: Attached = { count: () => 1, post: vi.fn(async () => answer) as Attached["post"] };
    const body = { name: "Jane", message: "See the photo" };
    expect(await poster(base)("messages", body, "key-12345678", files)).toBe(answer);
    expect(files.post).toHaveBeenCalledWith(`${base}/messages/files`, body, "key-12345678");
    expect(fetch).not.toHaveBeenCalled();
  });
});
