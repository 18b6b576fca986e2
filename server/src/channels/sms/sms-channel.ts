import type { Db } from "../../db/client.ts";
import { payloadOf } from "../../outbox/payload.ts";
import { classifyFailure, type RetryPolicy } from "../../outbox/retry-policy.ts";
import type { Channel } from "../channel.ts";
import type { SmsSender } from "./sms.ts";
import { pushAcknowledged } from "../push/alert-routing.ts";
import { alertSettingsLookup } from "./alert-settings.ts";

export const SMS_NOT_SET_UP = "SMS is not set up: Beckon has no Twilio account to send it with.";

/**
 * The outbox's SMS channel: a shopper's text goes to the number stored on the row; an owner alert to
 * the member's own number on the row or, when none, the site's alert number looked up at send time.
 * Without a sender (no Twilio account) every item is recorded as not sent.
 */
export function createSmsChannel(deps: { db: Db; sender: SmsSender | undefined; retry: RetryPolicy; concurrency?: number }): Channel {
  const { db, sender } = deps;
  const alertSettings = alertSettingsLookup(db);
  return {
    name: "sms",
    // SMS providers take many requests at once: a burst of alerts must not queue behind one HTTP round trip.
    // 32: each round of claims and outcomes waits behind the intake's transactions in a burst, so a round
    // must move many; well under Twilio's limit on concurrent API requests, even with a few processes.
    concurrency: deps.concurrency ?? 32,
    retry: deps.retry,

    async destination(item) {
      if (!sender) return { to: item.recipient, reason: SMS_NOT_SET_UP };
      if (item.audience === "shopper") return { to: item.recipient! };
      const site = await alertSettings(item.siteId);
      // A member's own alert copy carries its number; the site's alert number is looked up now.
      const to = item.recipient ?? site?.ownerPhone ?? null;
      if (!to) return { to, reason: "The site has no owner phone: add one in settings to get SMS alerts." };
      if (site?.smsAlerts === 0) return { to, reason: "SMS alerts are off for this site." }; // JSON false; absent means on
      return { to };
    },

    send: (item, to) => sender!.send({ to, body: payloadOf(item, "sms").text }),
    describe: (item) => payloadOf(item, "sms").text,
    classify: (err) => classifyFailure(err, "sms"),
    // A push alert's SMS fallback: not sent once the push was acknowledged (opened on a device, or the request opened).
    async skip(item) {
      const { pushId } = payloadOf(item, "sms");
      return pushId && (await pushAcknowledged(db, pushId)) ? "Not needed: the push notification was seen in time." : null;
    },
  };
}
