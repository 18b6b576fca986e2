import { eq, and } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import type { Clock } from "../../clock.ts";
import type { Db } from "../../db/client.ts";
import { twilioWebhookReceipts } from "../../db/schema.ts";
import type { TwilioParams, TwilioVars } from "./twilio-signature.ts";

/**
 * Makes a signed Twilio webhook act once: Twilio retries what it got no 2xx for, and replays happen.
 * `keyOf` names the delivery (e.g. the `MessageSid`); a key already recorded is answered with `repeat`
 * and nothing else runs. The key is recorded before the handler runs (so concurrent repeats wait on the
 * unique index, not on each other) and forgotten again if the handler fails, so Twilio's retry can act.
 * Requests without a key pass through untouched.
 */
export function twilioOnce(
  deps: { db: Db; clock: Clock },
  kind: string,
  keyOf: (params: TwilioParams, c: Context<TwilioVars>) => string,
  repeat: (c: Context<TwilioVars>) => Response,
): MiddlewareHandler<TwilioVars> {
  return async (c, next) => {
    const key = keyOf(c.get("twilioParams"), c);
    if (!key) return next();
    const inserted = await deps.db
      .insert(twilioWebhookReceipts)
      .values({ kind, key, createdAt: deps.clock.now() })
      .onConflictDoNothing()
      .returning({ id: twilioWebhookReceipts.id });
    if (!inserted.length) return repeat(c);
    const forget = () => deps.db.delete(twilioWebhookReceipts).where(and(eq(twilioWebhookReceipts.kind, kind), eq(twilioWebhookReceipts.key, key)));
    try {
      await next();
    } catch (err) {
      await forget();
      throw err;
    }
    if (c.error || c.res.status >= 500) await forget();
  };
}
