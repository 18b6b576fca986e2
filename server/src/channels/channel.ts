import type { OutboxChannel, outbox } from "../db/schema.ts";
import type { Failure, RetryPolicy } from "../outbox/retry-policy.ts";

export type { Failure, RetryPolicy };

/** One row of the outbox, as a channel sees it. */
export type OutboxItem = typeof outbox.$inferSelect;

/** Where an item goes (`to`), or a sentence for the owner why it cannot go anywhere (then recorded as not sent). */
export type Destination = { to: string } | { to: string | null; reason: string };

/** What the provider said about an accepted send (stored on the row; status callbacks match on the id). */
export type Receipt = { providerId?: string | null; providerStatus?: string | null };

/**
 * One way out of the outbox (SMS, email, webhook, …). The outbox worker knows nothing else about a
 * channel: it claims the channel's due rows, asks where each goes, sends, and finishes, retries (with
 * `retry`'s backoff) or gives up by what `classify` says. A channel whose provider is not configured
 * still registers: its `destination` answers a "not set up" reason, so the owner sees why.
 *
 * To add one: a folder in `channels/`, its payload in `OutboxPayloads` (db/schema.ts), and one line in
 * `createChannels` (channels/channels.ts).
 */
export type Channel = {
  /** The outbox rows it handles (`outbox.channel`). */
  name: OutboxChannel;
  /** Sends in flight at once: a burst of SMS must not queue behind one round trip; mail servers are stricter. */
  concurrency: number;
  /** Backoff between attempts after a transient failure, and when to give up (unless the row sets `retryUntil`). */
  retry: RetryPolicy;
  /** Where an item goes, or a sentence for the owner why it cannot go anywhere. */
  destination(item: OutboxItem): Promise<Destination>;
  /** Sends once; throws on failure (the error goes to `classify`). */
  send(item: OutboxItem, to: string): Promise<Receipt>;
  /** Printable text for the debug log (personal data: only at debug level). */
  describe(item: OutboxItem): string;
  /** Sorts a failure thrown by `send`. */
  classify(err: unknown): Failure;
  /** Optional bookkeeping after each attempt (webhooks: endpoint health, auto-disable). */
  afterAttempt?(item: OutboxItem, ok: boolean, sentence?: string): Promise<void>;
  /** Optional: a reason the item no longer needs sending (a chat answer the shopper already read), or null. */
  skip?(item: OutboxItem): Promise<string | null>;
};
