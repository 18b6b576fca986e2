import { describe, expect, it } from "vitest";
import { isPrivateAddress, urlProblem } from "./endpoint-address.ts";

describe("webhook endpoint addresses", () => {
  it("tells private, loopback and link-local addresses from public ones", () => {
    for (const a of ["127.0.0.1", "10.0.0.5", "172.20.1.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"]) {
      expect(isPrivateAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(isPrivateAddress(a), a).toBe(false);
  });

  it("asks for https outside localhost", () => {
    expect(urlProblem("https://hooks.example.com/x", { allowPrivate: false })).toBeNull();
    expect(urlProblem("http://hooks.example.com/x", { allowPrivate: false })).toMatch(/https/);
    expect(urlProblem("http://localhost:3000/x", { allowPrivate: true })).toBeNull();
    expect(urlProblem("http://localhost:3000/x", { allowPrivate: false })).toMatch(/ALLOW_PRIVATE_WEBHOOKS/);
    expect(urlProblem("https://user:pw@hooks.example.com/x", { allowPrivate: false })).toMatch(/password/);
  });
});
