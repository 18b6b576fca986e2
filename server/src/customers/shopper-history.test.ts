import { afterEach, describe, expect, it } from "vitest";
import { requestEvents, requests } from "../db/schema.ts";
import { createHarness, post, type Harness } from "../../test/harness.ts";
import { rotateIdentitySecret } from "./identity-secret.ts";
import { identitySignature } from "./shop-context.ts";

let h: Harness;
afterEach(async () => h?.close());

describe("Your messages", () => {
  it("shows a verified shopper their earlier messages with the answers, and nothing for a forged signature", async () => {
    h = await createHarness();
    const secret = await rotateIdentitySecret(h.db, h.site.id, h.clock.now());
    const identity = { id: "cust_42", name: "Jane", signature: identitySignature(secret, "cust_42") };
    await post(h, "/api/v1/sites/shop/messages", { name: "Jane", email: "jane@example.com", message: "Is the monstera pet safe?", context: { identity } });
    const [row] = await h.db.select().from(requests);
    await h.db.insert(requestEvents).values({ requestId: row!.id, type: "reply", data: { text: "Sadly not: keep it away from cats." }, createdAt: h.clock.now() });
    const ask = async (signature: string) => (await post(h, "/api/v1/sites/shop/history", { id: "cust_42", signature })).json();
    expect(await ask(identity.signature)).toEqual({
      items: [{ you: "You, 23 Nov: Is the monstera pet safe?", answers: ["Test Shop: Sadly not: keep it away from cats."] }],
    });
    expect(await ask("0".repeat(64))).toEqual({ items: [] });
  });
});
