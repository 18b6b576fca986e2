import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { StoredFields } from "../intake/request-fields.ts";
import type { ShopContext } from "@beckon/contract/answers";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const sites = sqliteTable("sites", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  ownerPhone: text("owner_phone"),
  settings: text("settings", { mode: "json" }).notNull().$type<Record<string, unknown>>().default(sql`'{}'`),
  photo: blob("photo", { mode: "buffer" }),
  photoType: text("photo_type"),
  photoUpdatedAt: integer("photo_updated_at", { mode: "timestamp_ms" }),
  /** Where and when the widget last loaded its config: the install check. */
  widgetSeenOrigin: text("widget_seen_origin"),
  /** Refreshed while an owner has the inbox open: the widget shows chat as live only then. */
  inboxSeenAt: integer("inbox_seen_at", { mode: "timestamp_ms" }),
  widgetSeenAt: integer("widget_seen_at", { mode: "timestamp_ms" }),
  /** Who added the site (null for the demo and older sites): site creation is rate-limited per account. */
  createdBy: integer("created_by"),
  /** The last request ref handed out ("#12"): a counter, so a submission never scans the site's requests. Null until the first. */
  lastRef: integer("last_ref"),
  createdAt: createdAt(),
}, (t) => [index("sites_created_by").on(t.createdBy, t.createdAt)]);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  /** Stored lower-case. */
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  /** The installation's owners: may add sites. The first account (setup or OWNER_EMAIL) has it. */
  canCreateSites: integer("can_create_sites", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});

export type SiteRole = "owner" | "member";
/** How a person hears of new requests on a site (see channels/push/alert-routing.ts). */
export type AlertVia = "push" | "sms" | "both";

export const siteMembers = sqliteTable(
  "site_members",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").$type<SiteRole>().notNull(),
    /** This person's own verified number, if they opted in to this site's SMS alerts. */
    alertPhone: text("alert_phone"),
    /** How this person hears of the site's alerts: push (SMS only as the fallback), SMS, or both. Null: push. */
    alertVia: text("alert_via").$type<AlertVia>(),
    /** Quiet hours in the site's zone ("22:00" to "07:00"); alerts wait until they end. Null: none. */
    quietFrom: text("quiet_from"),
    quietTo: text("quiet_to"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.userId] }), index("site_members_user").on(t.userId)],
);

/**
 * Numbers whose holder proved them with a code sent by SMS. One number belongs to one account, so
 * it can serve several sites of that account only, and an inbound SMS from it never crosses accounts.
 */
export const verifiedPhones = sqliteTable("verified_phones", {
  phone: text("phone").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  verifiedAt: integer("verified_at", { mode: "timestamp_ms" }).notNull(),
});

/** What a proved number is then used for: a site's alert number, or the person's own alerts on a site. */
export type PhoneUse = { kind: "site_alerts"; siteIds: number[] } | { kind: "my_alerts"; siteId: number };

/** A 6-digit code texted to a number (kept hashed): 10 minutes, 5 tries. */
export const phoneCodes = sqliteTable(
  "phone_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    phone: text("phone").notNull(),
    codeHash: text("code_hash").notNull(),
    use: text("use", { mode: "json" }).notNull().$type<PhoneUse>(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("phone_codes_user").on(t.userId, t.createdAt), index("phone_codes_phone").on(t.phone, t.createdAt), index("phone_codes_created").on(t.createdAt)],
);

/** Invitations and password resets: a link that works once, before it expires (only its hash is stored). */
export const oneTimeLinks = sqliteTable(
  "one_time_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    purpose: text("purpose").$type<"invite" | "reset">().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** Stored lower-case: who it was sent to. */
    email: text("email").notNull(),
    siteId: integer("site_id").references(() => sites.id),
    role: text("role").$type<SiteRole>(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("one_time_links_site").on(t.siteId, t.purpose),
    index("one_time_links_email").on(t.email, t.purpose, t.createdAt),
    // The retention job finds dead links by age.
    index("one_time_links_created").on(t.createdAt),
  ],
);

/** Failed sign-ins, counted per (account, address) and per account, shared by every process on the database. */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    address: text("address").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("login_failures_pair").on(t.email, t.address, t.at), index("login_failures_address").on(t.address, t.at)],
);

export const sessions = sqliteTable("sessions", {
  /** SHA-256 of the cookie's token: a leaked database does not leak live sessions. */
  id: text("id").primaryKey(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  csrfToken: text("csrf_token").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
});

export const customers = sqliteTable(
  "customers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name"),
    phone: text("phone"),
    email: text("email"),
    firstSeenAt: integer("first_seen_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    requestCount: integer("request_count").notNull().default(0),
    /** The shop's own id for this customer, from a signed `Beckon('identify')`: a verified identity. */
    externalId: text("external_id"),
    /** What the shop told us with a verified identity: customer since, order count. */
    profile: text("profile", { mode: "json" }).$type<CustomerProfile>(),
    /** The shopper proved the email (answered one) or the phone (the call bridge connected). */
    emailVerifiedAt: integer("email_verified_at", { mode: "timestamp_ms" }),
    phoneVerifiedAt: integer("phone_verified_at", { mode: "timestamp_ms" }),
    /** Marked by the owner: alerts at once, shown first. */
    vip: integer("vip", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("customers_site_phone").on(t.siteId, t.phone),
    uniqueIndex("customers_site_email").on(t.siteId, t.email),
    uniqueIndex("customers_site_external").on(t.siteId, t.externalId),
  ],
);

/** What a shop's signed identify call said about its customer. */
export type CustomerProfile = { since?: string; orders?: number };

/**
 * Where a request came from on the shop's site, and who the shop says the shopper is: stored with the
 * request (`requests.context`) as the owner sees it; the shape is the contract's, shared with the owner app.
 */
export type { ShopContext };

/** A request made while an earlier one was open, or the 3rd in 14 days: the owner sees it first. */
export type RepeatMark = { time: number; earlier: { id: string; ref: string }[]; firstAt: string; openSince: string | null };

export type RequestKind = "callback" | "message" | "chat";
export type RequestStatus = "new" | "in_progress" | "done";

export const requests = sqliteTable(
  "requests",
  {
    id: text("id").primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    customerId: integer("customer_id")
      .notNull()
      .references(() => customers.id),
    kind: text("kind").$type<RequestKind>().notNull(),
    status: text("status").$type<RequestStatus>().notNull().default("new"),
    ref: text("ref").notNull(),
    fields: text("fields", { mode: "json" }).notNull().$type<StoredFields>(),
    scheduledFor: integer("scheduled_for", { mode: "timestamp_ms" }),
    callOutcome: text("call_outcome").$type<CallOutcome>(),
    origin: text("origin"),
    /** Keyed hash of the sender's network address: lets "Mark as spam" block it without keeping the address. */
    senderHash: text("sender_hash"),
    /** Set when the request is spam (a blocked sender, a failed challenge, or the owner said so): kept out of the inbox, never alerted. */
    spamAt: integer("spam_at", { mode: "timestamp_ms" }),
    spamReason: text("spam_reason").$type<SpamReason>(),
    /** The shopper's language (one of i18n/locales.ts), for everything sent to them; null on older requests: the site's default. */
    locale: text("locale"),
    /** Page, locale, zone, the shop's identify and context calls (issue #12). */
    context: text("context", { mode: "json" }).$type<ShopContext>(),
    /** Set when the customer asked again: which time, and the earlier requests. */
    repeat: text("repeat", { mode: "json" }).$type<RepeatMark>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("requests_site_created").on(t.siteId, t.createdAt),
    uniqueIndex("requests_site_ref").on(t.siteId, t.ref),
    // A customer's export and delete find their requests without scanning the table.
    index("requests_customer").on(t.customerId, t.createdAt),
    // The inbox's filters, newest first, at any size (checked by db/query-plans.test.ts).
    index("requests_site_status").on(t.siteId, t.status, t.createdAt),
    index("requests_site_kind").on(t.siteId, t.kind, t.createdAt),
    index("requests_site_spam").on(t.siteId, t.createdAt).where(sql`spam_at is not null`),
    // The open count of each site in the owner's site list: counted in the index alone.
    index("requests_site_open").on(t.siteId, t.status).where(sql`spam_at is null`),
  ],
);

export type SpamReason = "marked" | "blocked_sender" | "no_challenge";

export type TimelineType = "created" | "status" | "note" | "reply" | "autoreply_skipped" | "call";
/** How returning the call went: the shopper's leg of the bridged call answered and talked, or not. */
export type CallOutcome = "called" | "missed";

/** What happened to a request, in order: the owner's view of its history. */
export const requestEvents = sqliteTable(
  "request_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: text("request_id")
      .notNull()
      .references(() => requests.id),
    type: text("type").$type<TimelineType>().notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    data: text("data", { mode: "json" }).notNull().$type<{ from?: string; to?: string; text?: string; reason?: string; leg?: string; status?: string; duration?: number; sid?: string }>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("request_events_request").on(t.requestId, t.id)],
);

/**
 * The outbox's channels and what each row's payload holds: a new channel is one line here (and its
 * `Channel` in channels/). Stored as text, so adding one needs no migration.
 */
export type OutboxPayloads = { sms: SmsPayload; email: EmailPayload; webhook: WebhookPayload; push: PushPayload };
export type OutboxChannel = keyof OutboxPayloads;
/** What a notification is for: the owner's alerts, or mail to a shopper. */
export type OutboxKind = "alert" | "owner_email" | "autoreply" | "reply" | "chat_reply" | "transcript" | "confirmation" | "missed_call" | "invite" | "password_reset" | "webhook" | "webhook_disabled" | "weekly_summary";
export type Mailbox = { name: string; address: string };
export type EmailPayload = {
  subject: string;
  text: string;
  html: string;
  /** Where replies go: the shopper on the owner's copy, the owner on mail to a shopper. */
  replyTo?: Mailbox;
  fromName?: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** For an owner's chat answer: not sent if the shopper saw this line in the widget first. */
  chatMessageId?: number;
};
/** `pushId`: a fallback for a push alert, skipped if the push was acknowledged before it is due. */
export type SmsPayload = { text: string; pushId?: string };
/** A Web Push to one device: what the notification shows, and which alert it belongs to. */
export type PushPayload = { subscriptionId: number; pushId: string; title: string; body: string; url: string; requestId: string | null };
/** A webhook delivery: the event exactly as it is sent (`{ id, type, version, created_at, data }`). */
export type WebhookPayload = { event: WebhookEvent };
export type WebhookEvent = { id: string; type: string; version: 1; created_at: string; data: Record<string, unknown> };
/**
 * pending → sending → sent | failed; `not_sent` means there was nowhere to send it (printed to the
 * console instead); `skipped` means it was no longer needed (a chat answer the shopper saw live).
 */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "not_sent" | "skipped";

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    requestId: text("request_id").references(() => requests.id),
    channel: text("channel").$type<OutboxChannel>().notNull(),
    kind: text("kind").$type<OutboxKind>().notNull().default("alert"),
    /** Who it is for. The owner's address is resolved from the site when sending; a shopper's is fixed at once. */
    audience: text("audience").$type<"owner" | "shopper">().notNull(),
    recipient: text("recipient"),
    payload: text("payload", { mode: "json" }).notNull().$type<OutboxPayloads[OutboxChannel]>(),
    status: text("status").$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    providerStatus: text("provider_status"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    /** Transient failures are retried until then; null means `createdAt` + the retry policy's window. "Retry now" sets it anew. */
    retryUntil: integer("retry_until", { mode: "timestamp_ms" }),
    /** For a webhook delivery: the endpoint it goes to (the owner's delivery log lists by it). */
    webhookEndpointId: integer("webhook_endpoint_id"),
  },
  (t) => [
    index("outbox_due").on(t.status, t.nextAttemptAt),
    index("outbox_webhook_endpoint").on(t.webhookEndpointId, t.id),
    index("outbox_request").on(t.requestId),
    index("outbox_recipient").on(t.kind, t.recipient, t.createdAt),
    index("outbox_provider").on(t.providerId),
    // A site's shopper texts of the last day (the daily cap).
    index("outbox_site_kind").on(t.siteId, t.kind, t.createdAt),
  ],
);

/**
 * Twilio webhooks already acted on: Twilio retries a webhook it got no 2xx for, and replays happen.
 * `key` is the `MessageSid` (inbound SMS), `MessageSid:MessageStatus` (delivery reports) or
 * `CallSid:CallStatus:leg` (call progress); the unique index makes a repeat a no-op.
 */
export const twilioWebhookReceipts = sqliteTable(
  "twilio_webhook_receipts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("twilio_webhook_receipts_key").on(t.kind, t.key), index("twilio_webhook_receipts_created").on(t.createdAt)],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    key: text("key").notNull(),
    requestId: text("request_id")
      .notNull()
      .references(() => requests.id),
    responseStatus: integer("response_status").notNull(),
    responseBody: text("response_body", { mode: "json" }).notNull().$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.key] })],
);

/**
 * The append-only log every live view is fed from: the inbox and (later) chat. Each server process
 * tails it and fans new rows out to its own clients, so processes sharing one database hear each
 * other; an SSE client that reconnects with Last-Event-ID is replayed exactly what it missed.
 */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    /** Who listens: "inbox" for the site's owners. */
    topic: text("topic").notNull(),
    type: text("type").notNull(),
    data: text("data", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("events_topic").on(t.siteId, t.topic, t.id)],
);

/** A live chat: one per request of kind "chat". The shopper proves it is theirs with a token (kept hashed). */
export const chats = sqliteTable("chats", {
  requestId: text("request_id")
    .primaryKey()
    .references(() => requests.id),
  tokenHash: text("token_hash").notNull().unique(),
  lastShopperAt: integer("last_shopper_at", { mode: "timestamp_ms" }),
  lastOwnerAt: integer("last_owner_at", { mode: "timestamp_ms" }),
  /** When the owner was last texted about this chat: further messages text again only after a quiet spell. */
  lastAlertAt: integer("last_alert_at", { mode: "timestamp_ms" }),
  /** The newest message the shopper's widget has shown; owner answers they have seen are not emailed. */
  shopperSeenId: integer("shopper_seen_id").notNull().default(0),
  /** The newest line an owner has had open in the owner app: the widget shows "Seen" up to it. */
  ownerSeenId: integer("owner_seen_id").notNull().default(0),
});

export type ChatAuthor = "shopper" | "owner";

export type RatingScore = "good" | "okay" | "bad";

/** Issue #14: the shopper's "How did we do?" for a done request, at most one per request. */
export const requestRatings = sqliteTable(
  "request_ratings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: text("request_id")
      .notNull()
      .unique()
      .references(() => requests.id),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    score: text("score").$type<RatingScore>().notNull(),
    comment: text("comment"),
    /** Where it was given: the widget, or the link in the transcript email. */
    via: text("via").$type<"widget" | "email">().notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("request_ratings_site").on(t.siteId, t.createdAt)],
);

/** Every line of a chat, in order. `clientId` makes a shopper's retry harmless. */
export const chatMessages = sqliteTable(
  "chat_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: text("request_id")
      .notNull()
      .references(() => requests.id),
    author: text("author").$type<ChatAuthor>().notNull(),
    body: text("body").notNull(),
    /** Where it was written: the widget, the inbox, or an SMS from the owner's phone. */
    via: text("via").$type<"widget" | "inbox" | "sms">().notNull(),
    userId: integer("user_id").references(() => users.id),
    clientId: text("client_id"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("chat_messages_request").on(t.requestId, t.id), uniqueIndex("chat_messages_client").on(t.requestId, t.clientId)],
);

export type ReminderKind = "scheduled_call" | "untouched" | "digest";

/**
 * Reminders that must fire once and only once: at a booked call's time, when a request sits untouched,
 * and the daily digest. `key` makes each unique (`untouched:<request>`, `digest:<site>:<local date>`);
 * claiming a reminder and queueing its SMS commit together, so a restart neither loses nor repeats one.
 */
export const reminders = sqliteTable(
  "reminders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    requestId: text("request_id").references(() => requests.id),
    kind: text("kind").$type<ReminderKind>().notNull(),
    key: text("key").notNull().unique(),
    dueAt: integer("due_at", { mode: "timestamp_ms" }).notNull(),
    status: text("status").$type<"pending" | "sent" | "skipped">().notNull().default("pending"),
    doneAt: integer("done_at", { mode: "timestamp_ms" }),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("reminders_due").on(t.status, t.dueAt)],
);

/** Server-wide values kept in the database, e.g. the generated secret that signs shoppers' links. */
export const serverMeta = sqliteTable("server_meta", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * Fixed-window rate-limit counters, shared by every process on the database and kept across restarts.
 * `key` names what is counted (`ip:…`, `site:…`, `rejected:…`); rows of past windows are pruned.
 */
export const rateCounters = sqliteTable(
  "rate_counters",
  {
    key: text("key").notNull(),
    windowStart: integer("window_start", { mode: "timestamp_ms" }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_counters_window").on(t.windowStart)],
);

export type BlockKind = "phone" | "email" | "sender";

/** Senders an owner marked as spam, per site: a phone (E.164), an email (lower-case) or a sender hash. */
export const blocklist = sqliteTable(
  "blocklist",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    kind: text("kind").$type<BlockKind>().notNull(),
    value: text("value").notNull(),
    /** The request that was marked, for the record. */
    requestId: text("request_id"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("blocklist_site_value").on(t.siteId, t.kind, t.value),
    // The retention job drops lapsed address blocks by age.
    index("blocklist_kind_created").on(t.kind, t.createdAt),
  ],
);

/** Proof-of-work challenges already spent: a solved challenge is accepted once. Pruned after expiry. */
export const spentChallenges = sqliteTable(
  "spent_challenges",
  {
    signature: text("signature").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("spent_challenges_expiry").on(t.expiresAt)],
);

export type AuditKind = "customer.exported" | "customer.deleted" | "retention.pruned";

/**
 * What was done with personal data, without any of it: who (a user id, or null for the scheduler),
 * when, what kind, and how many rows of each table. Never names, phones, emails or message text.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id").references(() => sites.id),
    actorUserId: integer("actor_user_id").references(() => users.id),
    kind: text("kind").$type<AuditKind>().notNull(),
    counts: text("counts", { mode: "json" }).notNull().$type<Record<string, number>>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("audit_log_site").on(t.siteId, t.createdAt)],
);

/**
 * Periodic jobs shared by every process on one database: a process runs a job only while it holds
 * the lease (`lockedUntil` in the future), so two never run it at once, and a crashed run's lease
 * lapses so the next process picks the job up where the deleted rows left off.
 */
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder"),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
  nextRunAt: integer("next_run_at", { mode: "timestamp_ms" }).notNull(),
  lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }),
});

/**
 * Every origin whose pages loaded a site's widget (its config), allowed or refused, with first and last
 * sighting: the install page lists them. The origin is the browser's own `Origin` header on the widget's
 * request (never `Referer`, which a page can shape); at most a bounded number per site.
 */
export const widgetOrigins = sqliteTable(
  "widget_origins",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    origin: text("origin").notNull(),
    /** Whether the last load from this origin was let through (false: refused by the site's origin lock). */
    allowed: integer("allowed", { mode: "boolean" }).notNull(),
    firstSeenAt: integer("first_seen_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.origin] })],
);

/**
 * The secret a shop's backend signs `Beckon('identify')` with (HMAC-SHA256 of the customer id). Kept
 * in plain text like the server's link secret: the server must compute HMACs with it, so it cannot be
 * hashed. Shown once when made; rotating replaces it.
 */
export const identitySecrets = sqliteTable("identity_secrets", {
  siteId: integer("site_id")
    .primaryKey()
    .references(() => sites.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Where a site's events are POSTed (outgoing webhooks): at most 5 per site, owner-managed. The secret
 * signs each delivery (HMAC-SHA256); it is shown once when created or rotated and never returned again.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    url: text("url").notNull(),
    secret: text("secret").notNull(),
    /** The event types it receives, e.g. ["request.created", "chat.line"]. */
    events: text("events", { mode: "json" }).notNull().$type<string[]>(),
    /** Null while on; set by the owner, or by Beckon after 3 days of failed deliveries. */
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    disabledReason: text("disabled_reason"),
    /** When the current run of failed deliveries began; null after any success. */
    failingSince: integer("failing_since", { mode: "timestamp_ms" }),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("webhook_endpoints_site").on(t.siteId)],
);

/**
 * Personal API tokens for the owner API (`/api/v1/requests` …): only a SHA-256 of the token is kept,
 * each is scoped to some of its owner's sites and can be revoked.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    /** The first characters of the token (`bk_ab12…`), so the owner can tell tokens apart. */
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    siteIds: text("site_ids", { mode: "json" }).notNull().$type<number[]>(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);

/** A site's reusable answers (issue #15): `/hours` in the reply box or `#12 /hours` by SMS. */
export const savedAnswers = sqliteTable(
  "saved_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    /** What the owner types after `/`: lower-case letters, digits and dashes, unique per site. */
    shortcut: text("shortcut").notNull(),
    /** The answer, with `{first_name}`, `{shop}` or `{ref}` filled in when used. */
    body: text("body").notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("saved_answers_site_shortcut").on(t.siteId, t.shortcut)],
);

/** Who asked for the weekly summary email of a site (off by default: no row, no mail). */
export const weeklySummaryOptIns = sqliteTable(
  "weekly_summary_opt_ins",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.userId] })],
);

/**
 * One row per person, site and week whose summary was queued: the unique key makes the weekly mail
 * happen once across restarts and across processes (the row and the outbox item commit together).
 */
export const weeklySummariesSent = sqliteTable(
  "weekly_summaries_sent",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** The local date (site zone) of the Monday the week ends on, e.g. "2026-11-30". */
    week: text("week").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.userId, t.week] })],
);

/** The server's VAPID key pair for Web Push: made on first start, never replaced (a new one would orphan every subscription). */
export const pushKeys = sqliteTable("push_keys", {
  id: integer("id").primaryKey(),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

/** A browser (device) that takes a person's push notifications; one row per push endpoint. */
export const pushSubscriptions = sqliteTable(
  "push_subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    endpoint: text("endpoint").notNull().unique(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    label: text("label"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("push_subscriptions_user").on(t.userId)],
);

/** One alert pushed to one person (to each of their devices); acknowledged when a notification is opened or the request is. */
export const pushAlerts = sqliteTable(
  "push_alerts",
  {
    id: text("id").primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    requestId: text("request_id").references(() => requests.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    ackedAt: integer("acked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("push_alerts_user_request").on(t.userId, t.requestId)],
);

/**
 * Files a shopper or owner attached to a request (and to the chat line they came with). The bytes
 * live in the file store under `storageKey` (random); `deletedAt` marks rows whose request is gone:
 * the file reaper removes their bytes after the deleting transaction has committed, then the row.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    /** Random and unguessable; the id in every URL. */
    id: text("id").primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    requestId: text("request_id").references(() => requests.id),
    chatMessageId: integer("chat_message_id").references(() => chatMessages.id),
    author: text("author").$type<ChatAuthor>().notNull(),
    /** Sniffed from the bytes, never the name or header: image/jpeg, image/png, image/webp or application/pdf. */
    type: text("type").notNull(),
    /** A safe display name (no path, no control characters). */
    name: text("name").notNull(),
    size: integer("size").notNull(),
    storageKey: text("storage_key").notNull(),
    /** A small WebP preview, for images. */
    thumbKey: text("thumb_key"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("attachments_request").on(t.requestId), index("attachments_chat_message").on(t.chatMessageId), index("attachments_deleted").on(t.deletedAt)],
);
