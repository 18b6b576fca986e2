import { describe, expect, it } from "vitest";
import { identitySignature, readShopContext, scrubUrl, signatureValid } from "./shop-context.ts";

const secret = "bk_id_first-secret";

describe("identity signatures", () => {
  it("accepts the hex HMAC-SHA256 of the id with the site's secret", () => {
    const signature = identitySignature(secret, "cust_42");
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(signatureValid(secret, "cust_42", signature)).toBe(true);
    expect(signatureValid(secret, "cust_42", signature.toUpperCase())).toBe(true);
  });

  it("refuses a bad signature, another id's signature, no secret and junk", () => {
    const signature = identitySignature(secret, "cust_42");
    expect(signatureValid(secret, "cust_42", signature.replace(/.$/, (c) => (c === "0" ? "1" : "0")))).toBe(false);
    expect(signatureValid(secret, "cust_43", signature)).toBe(false);
    expect(signatureValid(undefined, "cust_42", signature)).toBe(false);
    expect(signatureValid(secret, "cust_42", "not-hex")).toBe(false);
    expect(signatureValid(secret, "cust_42", undefined)).toBe(false);
  });

  it("refuses signatures made with the secret before a rotation", () => {
    const old = identitySignature(secret, "cust_42");
    const rotated = "bk_id_second-secret";
    expect(signatureValid(rotated, "cust_42", old)).toBe(false);
    expect(signatureValid(rotated, "cust_42", identitySignature(rotated, "cust_42"))).toBe(true);
  });
});

describe("the page address", () => {
  it("keeps path and ordinary query, drops token- and email-looking values", () => {
    expect(scrubUrl("https://shop.example/plants/monstera?variant=big&utm_source=mail")).toBe("/plants/monstera?variant=big&utm_source=mail");
    expect(scrubUrl("https://shop.example/reset?token=abc&email=jane%40example.com&page=2")).toBe("/reset?page=2");
    expect(scrubUrl("https://shop.example/order/eyJhbGciOiJIUzI1NiJ9abcdefghijklmnop?x=1")).toBe("/order/…?x=1");
    expect(scrubUrl("https://shop.example/u/jane@example.com")).toBe("/u/…");
    expect(scrubUrl("https://shop.example/p?session_id=1&auth=2&code=3&q=fern")).toBe("/p?q=fern");
  });
});

describe("readShopContext", () => {
  it("marks an identity verified only with a good signature, and keeps at most 20 short pairs", () => {
    const data = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, `v${i}`]));
    const good = readShopContext({ identity: { id: "7", name: "Jane", signature: identitySignature(secret, "7") }, data, page: { url: "https://s.example/a?b=c", referrer: "https://www.google.com/search?q=x" } }, secret);
    expect(good?.identity?.verified).toBe(true);
    expect(Object.keys(good!.data!)).toHaveLength(20);
    expect(good?.page).toEqual({ url: "/a?b=c", referrer: "www.google.com" });
    const forged = readShopContext({ identity: { id: "7", name: "Jane", signature: "0".repeat(64) } }, secret);
    expect(forged?.identity).toMatchObject({ verified: false, name: "Jane" });
  });
});
