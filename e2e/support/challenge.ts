import { createHash } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";

/**
 * A solved anti-spam challenge for specs that post to the public API directly (the widget solves its own):
 * without one, the server stores the request as spam and alerts nobody.
 */
export async function solvedChallenge(request: APIRequestContext, site = "demo") {
  const c = await (await request.get(`/api/v1/sites/${site}/challenge`)).json();
  for (let number = 0; number <= c.maxnumber; number++) {
    if (createHash("sha256").update(`${c.salt}${number}`).digest("hex") === c.challenge) {
      return { algorithm: c.algorithm, challenge: c.challenge, number, salt: c.salt, signature: c.signature };
    }
  }
  throw new Error("challenge without a solution");
}
