import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { solve } from "./proof-of-work.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("proof of work", () => {
  it("finds the number whose SHA-256 with the salt is the challenge, in batches", async () => {
    const salt = "3f2a9c?expires=1790000000";
    const challenge = { algorithm: "SHA-256", challenge: sha256(`${salt}1234`), salt, signature: "sig", maxnumber: 5000 };
    expect(await solve(challenge)).toEqual({ algorithm: "SHA-256", challenge: challenge.challenge, number: 1234, salt, signature: "sig" });
  });

  it("gives up, without throwing, when there is no answer within maxnumber or the algorithm is unknown", async () => {
    const salt = "abc";
    expect(await solve({ algorithm: "SHA-256", challenge: sha256(`${salt}900`), salt, signature: "s", maxnumber: 500 })).toBeUndefined();
    expect(await solve({ algorithm: "SHA-1", challenge: "x", salt, signature: "s", maxnumber: 5 })).toBeUndefined();
  });
});
