import webpush from "web-push";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { pushSubscriptions } from "../../db/schema.ts";
import { payloadOf } from "../../outbox/payload.ts";
import { defaultRetryPolicy, type RetryPolicy } from "../../outbox/retry-policy.ts";
import type { Channel } from "../channel.ts";
import { pushAcknowledged } from "./alert-routing.ts";
import type { VapidKeys } from "./vapid-keys.ts";

/** A push service's answer other than 2xx. */
export class PushRejected extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(`push service answered HTTP ${status}`);
  }
}

/** What push needs to send: the server's VAPID keys and who runs it. */
export type PushSetup = {
  keys: VapidKeys;
  /** Who runs this server, for push services to reach (VAPID `sub`): `mailto:` the sending address. */
  subject: string;
  /** How long a push service keeps an undelivered notification (the phone is off). */
  ttlSeconds?: number;
  timeoutMs?: number;
};

export const PUSH_NOT_SET_UP = "Push notifications are not set up on this server.";

// A push that is not delivered within the hour is no use: the SMS fallback has gone by then.
const TTL_SECONDS = 60 * 60;
export const PUSH_RETRY: RetryPolicy = { ...defaultRetryPolicy, giveUpAfterMs: 60 * 60_000 };

/**
 * Web Push through the outbox: `web-push` encrypts the payload (aes128gcm) and signs the VAPID JWT;
 * the request goes out with fetch, so a push service on loopback http (the tests' double) works too.
 * An expired subscription (404/410) is removed and its item recorded as failed, never retried.
 */
export function createPushChannel(deps: { db: Db; setup: PushSetup | undefined; concurrency?: number | undefined }): Channel {
  const { db, setup } = deps;
  const payload = (item: Parameters<Channel["send"]>[0]) => payloadOf(item, "push");
  return {
    name: "push",
    // Push services take many requests at once; four in flight keeps a burst of alerts moving.
    concurrency: deps.concurrency ?? 4,
    retry: PUSH_RETRY,
    async destination(item) {
      if (!setup) return { to: null, reason: PUSH_NOT_SET_UP };
      const [sub] = await db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions).where(eq(pushSubscriptions.id, payload(item).subscriptionId));
      return sub ? { to: sub.endpoint } : { to: null, reason: "The device was unsubscribed before the notification went out." };
    },
    async send(item, to) {
      const p = payload(item);
      const [sub] = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.id, p.subscriptionId));
      if (!sub) throw new PushRejected(410, "unsubscribed");
      const body = JSON.stringify({ title: p.title, body: p.body, url: p.url, requestId: p.requestId, pushId: p.pushId });
      const details = webpush.generateRequestDetails({ endpoint: to, keys: { p256dh: sub.p256dh, auth: sub.auth } }, body, {
        vapidDetails: { subject: setup!.subject, publicKey: setup!.keys.publicKey, privateKey: setup!.keys.privateKey },
        TTL: setup!.ttlSeconds ?? TTL_SECONDS,
        urgency: "high",
        contentEncoding: "aes128gcm",
      });
      const headers = Object.fromEntries(Object.entries(details.headers).filter(([k]) => k.toLowerCase() !== "content-length").map(([k, v]) => [k, String(v)]));
      const res = await fetch(details.endpoint, { method: "POST", headers, body: details.body ? new Uint8Array(details.body as Buffer) : null, signal: AbortSignal.timeout(setup!.timeoutMs ?? 10_000), redirect: "error" });
      const detail = (await res.text().catch(() => "")).slice(0, 200);
      if (res.status === 404 || res.status === 410) await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, sub.id));
      if (!res.ok) throw new PushRejected(res.status, detail);
      // The push service took it ("accepted"); it tells nobody whether the phone showed it.
      return { providerId: res.headers.get("location"), providerStatus: "accepted" };
    },
    describe(item) {
      const p = payload(item);
      return `${p.title}\n${p.body}`;
    },
    classify(err) {
      if (err instanceof PushRejected) {
        const { status } = err;
        if (status === 404 || status === 410) return { transient: false, sentence: `This device no longer takes notifications (HTTP ${status}); Beckon removed it.` };
        if (status === 429) return { transient: true, sentence: "The push service asked Beckon to slow down (HTTP 429)." };
        if (status >= 500) return { transient: true, sentence: `The push service had a problem on its side (HTTP ${status}).` };
        return { transient: false, sentence: `The push service refused the notification (HTTP ${status}).` };
      }
      const name = (err as { name?: unknown } | null)?.name;
      if (name === "TimeoutError" || name === "AbortError") return { transient: true, sentence: "The push service did not answer in time." };
      return { transient: true, sentence: "Beckon could not reach the push service; it will keep trying." };
    },
    async skip(item) {
      return (await pushAcknowledged(db, payload(item).pushId)) ? "Not needed: the alert was already seen." : null;
    },
  };
}
