// The owner API's answers that the owner app reads. The server's own types must stay assignable to these
// (server/src/contract.test.ts checks it), so a change on one side that the other cannot read fails typecheck.

export type RequestKind = "callback" | "message" | "chat";
export type RequestStatus = "new" | "in_progress" | "done";

/** A request as the inbox lists it. */
export type RequestSummary = {
  id: string;
  ref: string;
  kind: RequestKind;
  status: RequestStatus;
  createdAt: string;
  updatedAt: string;
  name: string;
  phone: string | null;
  email: string | null;
  when: string;
  note: string | null;
  callOutcome: "called" | "missed" | null;
  /** Why it is spam (a blocked sender, no proof of work, marked by the owner), or null. */
  spam: string | null;
  gist: string | null;
  /** How many photos and files came with it. */
  files?: number;
  customer: { id: number; requestCount: number; requestNumber: number; firstSeenAt: string; returning: boolean };
} & Regulars;

/** Issue #12: asked again, what is known about the customer, VIP, who the shop says this is, the page. */
export type Regulars = {
  repeat: { label: string; time: number; earlier: { id: string; ref: string }[]; openSince: string | null } | null;
  /** "regular · 12 orders · since 2022", "5th request since 2024", or null. */
  standing: string | null;
  vip: boolean;
  /** "verified", "says they are Jane <…>", or null when the page said nothing. */
  identity: string | null;
  /** The page's path and query when the request was made. */
  page: string | null;
};

/** What the shop's page said with a request (issue #12). */
export type ShopContext = {
  page?: { url?: string; title?: string; referrer?: string };
  locale?: string;
  timeZone?: string;
  identity?: { verified: boolean; id?: string; name?: string; email?: string; phone?: string; since?: string; orders?: number };
  data?: Record<string, string>;
};

/** `GET /api/admin/requests`: a page, newest first (or `sort=waiting`: open ones, oldest first). */
export type RequestPage = { requests: RequestSummary[]; nextCursor: string | null; /** A VIP's open requests, first page only. */ pinned?: RequestSummary[] };

export type CustomerView = {
  id: number;
  name: string | null;
  phone: string | null;
  email: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  requestCount: number;
  vip: boolean;
  /** The shop verified this customer's id. */
  verified: boolean;
  profile: { since?: string; orders?: number } | null;
};

/** One notification (SMS, email, …) sent or to be sent about a request. */
export type Notification = {
  id: number;
  channel: string;
  audience: "owner" | "shopper";
  status: string;
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  providerId: string | null;
  providerStatus: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
};

/** A chat line as the widget and the inbox see it (`by`: the owner's first name on owner lines). */
/** A file attached to a request or chat line; each side builds its URL from the id (see the README's attachments section). */
export type Attachment = { id: string; type: string; name: string; size: number; image: boolean };

export type ChatLine = { id: number; author: "shopper" | "owner"; body: string; at: string; by: string | null; clientId?: string; files?: Attachment[] };

export type TimelineData = { from?: string; to?: string; text?: string; reason?: string; leg?: string; status?: string; duration?: number; sid?: string };
export type TimelineEntry = { id: number; type: string; at: string; actor: { id: number; name: string } | null; data: TimelineData };

/** Whether "Call now" can work on this server, and what is missing when not. */
export type CallingCapability = { ready: true } | { ready: false; missing: string; readmeSection: string };

/** `GET /api/admin/requests/:id`. */
export type RequestDetail = {
  request: RequestSummary & { fields: Record<string, unknown>; scheduledFor: string | null; origin: string | null; /** The shopper's language, when their widget sent one. */ locale: string | null; context: ShopContext | null };
  site: { key: string; name: string; timezone: string };
  customer: CustomerView;
  notifications: Notification[];
  /** `shopperSeenId`: the newest line the shopper's widget has shown ("Read" up to it). */
  chat: { messages: ChatLine[]; shopperSeenId?: number } | null;
  /** Photos and PDFs the shopper sent with the request itself (a message's; a chat's come with its lines). */
  files?: Attachment[];
  timeline: TimelineEntry[];
  calling: CallingCapability;
  /** The shopper's "How did we do?" once the request is done (issue #14), or null. */
  rating?: Rating | null;
};

/** A shopper's rating of a done request: once per request, from the widget or the transcript email. */
export type Rating = { score: "good" | "okay" | "bad"; comment: string | null; via: "widget" | "email"; at: string };

/** `GET /api/admin/customers/:id`. */
/** A customer and a page of their requests, newest first; `nextCursor` asks for the next page (`?before=`). */
export type CustomerDetail = {
  customer: CustomerView;
  timezone: string;
  requests: RequestSummary[];
  nextCursor: string | null;
  /** Their ratings, newest first, each with the request it rates (issue #14). */
  ratings?: (Rating & { requestId: string; ref: string; kind: RequestKind })[];
};
