import { createHash } from "node:crypto";
import { createChallenge, verifySolution } from "altcha-lib/v1";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proofOfWork } from "./proof-of-work.ts";
import { solve } from "./pow/solver.ts";
import { sha256 as plainSha256 } from "./sha256.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

afterEach(() => vi.unstubAllGlobals());

const solverUrl = new URL("./pow/solver.ts", import.meta.url).href;

describe("proof of work", () => {
  it("finds the number whose SHA-256 with the salt is the challenge, in batches", async () => {
    const salt = "3f2a9c?expires=1790000000";
    const challenge = { algorithm: "SHA-256", challenge: sha256(`${salt}1234`), salt, signature: "sig", maxnumber: 5000 };
    expect(await solve(challenge)).toEqual({ algorithm: "SHA-256", challenge: challenge.challenge, number: 1234, salt, signature: "sig" });
  });

  it("solves a challenge made by the server's altcha-lib without crypto.subtle (a plain-http page), and the server accepts it", async () => {
    const hmacKey = "test-key";
    const challenge = await createChallenge({ hmacKey, maxNumber: 3000, number: 2222, algorithm: "SHA-256" });
    const subtle = vi.spyOn(crypto.subtle, "digest");
    const solution = await solve(challenge, plainSha256);
    expect(subtle).not.toHaveBeenCalled();
    expect(solution?.number).toBe(2222);
    expect(await verifySolution(solution as Parameters<typeof verifySolution>[0], hmacKey)).toBe(true);
  });

  it("without crypto.subtle, imports the plain-JS SHA-256 from its own chunk (widget-sha256.js) and solves with it", async () => {
    const hmacKey = "test-key";
    const challenge = await createChallenge({ hmacKey, maxNumber: 3000, number: 1234, algorithm: "SHA-256" });
    vi.stubGlobal("crypto", {}); // a plain-http page: no crypto.subtle
    vi.stubGlobal("fetch", vi.fn(async () => Response.json(challenge)));
    const solution = await proofOfWork("https://beckon.example/api/v1/sites/shop", solverUrl, new URL("./sha256.ts", import.meta.url).href).get();
    expect(solution?.number).toBe(1234);
    vi.unstubAllGlobals();
    expect(await verifySolution(solution as Parameters<typeof verifySolution>[0], hmacKey)).toBe(true);
    // A chunk that does not load: the form is sent unsolved, get() never rejects.
    vi.stubGlobal("crypto", {});
    vi.stubGlobal("fetch", vi.fn(async () => Response.json(challenge)));
    expect(await proofOfWork("https://beckon.example/api/v1/sites/shop", solverUrl, new URL("./missing-chunk.ts", import.meta.url).href).get()).toBeUndefined();
  });

  it("gives up, without throwing, when there is no answer within maxnumber or the algorithm is unknown", async () => {
    const salt = "abc";
    expect(await solve({ algorithm: "SHA-256", challenge: sha256(`${salt}900`), salt, signature: "s", maxnumber: 500 })).toBeUndefined();
    expect(await solve({ algorithm: "SHA-1", challenge: "x", salt, signature: "s", maxnumber: 5 })).toBeUndefined();
  });

  it("yields to the page between batches, so typing never waits", async () => {
    const salt = "s";
    let ticks = 0;
    const timer = setInterval(() => ticks++);
    await solve({ algorithm: "SHA-256", challenge: sha256(`${salt}1999`), salt, signature: "s", maxnumber: 2000 }, plainSha256);
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(3); // 2000 hashes, 400 a batch
  });

  it("still lets the form be sent, unsolved, when solving fails", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("null"))); // a challenge that is not one
    expect(await proofOfWork("https://beckon.example/api/v1/sites/shop", solverUrl).get()).toBeUndefined();
    // A digest that fails makes solve() reject; proofOfWork() turns that, too, into "no solution".
    const failing = () => Promise.reject(new DOMException("quota", "OperationError"));
    await expect(solve({ algorithm: "SHA-256", challenge: "x", salt: "s", signature: "s", maxnumber: 5 }, failing)).rejects.toThrow();
  });
});
