import { afterEach, describe, expect, it } from "vitest";
import { createHarness, LINK_SECRET, memoryLog, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { submitCallback } from "../callbacks/callbacks.ts";
import { outbox, requests } from "../db/schema.ts";
import { Invalid } from "../domain-errors.ts";
import { ApiError } from "../http/errors.ts";
import { createPipeline } from "../pipeline/commit.ts";
import { findSiteByKey } from "../sites/sites.ts";

let h: Harness;
afterEach(async () => h?.close());

/** The call-back service without HTTP: what an SMS command or a test can call with typed input. */
async function service() {
  h = await createHarness();
  const deps = { db: h.db, clock: h.clock, pipeline: createPipeline({ clock: h.clock, log: memoryLog() }), publicUrl: PUBLIC_URL, linkSecret: LINK_SECRET };
  const site = (await findSiteByKey(h.db, "shop"))!;
  return { deps, site };
}

const jane = { name: "Jane Doe", phone: "+14155550123", when: "asap" as const };

describe("submissions as services (typed input, domain errors)", () => {
  it("stores a typed call-back and answers a replay that lost the race as the first answer", async () => {
    const { deps, site } = await service();
    const meta = { idempotencyKey: "retry-key-0001", origin: undefined };
    const first = await submitCallback(deps, site, { data: jane, locale: "en", shop: null }, meta);
    expect(first).toMatchObject({ status: 201, body: { status: "new" } });
    // The route would have found the stored answer first; the service alone still never stores twice.
    const again = await submitCallback(deps, site, { data: { ...jane, name: "Someone Else" }, locale: "en", shop: null }, meta);
    expect(again).toEqual({ status: 201, body: first.body });
    expect(await h.db.select().from(requests)).toHaveLength(1);
    expect(await h.db.select().from(outbox)).toHaveLength(1);
  });

  it("throws a domain error in the shopper's language, never an HTTP one", async () => {
    const { deps, site } = await service();
    const err = await submitCallback(deps, site, { data: { ...jane, phone: "12" }, locale: "de", shop: null }, { idempotencyKey: undefined, origin: undefined }).catch((e) => e);
    expect(err).toBeInstanceOf(Invalid);
    expect(err).not.toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "validation_failed", fields: { phone: expect.any(String) } });
    expect(err.message).not.toBe("Please check the highlighted fields.");
  });
});
