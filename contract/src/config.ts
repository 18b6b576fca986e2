// `GET /api/v1/sites/:site/config`: the public configuration the widget reads on load. Nothing private.

export type ChannelId = "callback" | "message" | "chat";

/** An extra question the owner added to "Send a message" (its `id` follows `FIELD_ID`). */
export type MessageField = { id: string; label: string; type: "text" | "choice" | "checkbox"; options: string[]; required: boolean };

/**
 * `chatLive`: someone has the inbox open right now, inside business hours. Times are instants and the
 * weekly `hours` are data (wall-clock intervals in the site's `timeZone`): the widget writes them in the
 * shopper's language and zone.
 */
export type Availability = {
  openNow: boolean;
  nextOpenAt: string | null;
  awayUntil: string | null;
  awayMessage: string | null;
  chatLive?: boolean;
  timeZone?: string;
  hours?: Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", { from: string; to: string }[]>;
};

/** The launcher's words in the config's locale (the panel brings the rest with its catalog). */
export type LauncherWords = { newAnswers?: Record<string, string>; loadFailed?: string };

/** One channel's consent: whether the shopper must tick a box, and its wording. */
export type ChannelConsent = { required: boolean; text: string };
/** Consent per channel; a channel that needs no tick shows the `privacy` line only. */
export type Consent = { privacy: string; callback: ChannelConsent; message: ChannelConsent; chat: ChannelConsent };

/** The config as the server sends it (the widget checks it once at the edge before trusting it). */
export type WidgetConfig = {
  site: string;
  /** The language chosen for this shopper (README "Languages"): one of `LOCALES` (locales.ts). */
  locale: string;
  /** The launcher's words in that language. */
  words: LauncherWords;
  /** The site's phone country: the call-back form's default when the shopper's languages name no region. */
  country: string;
  name: string;
  launcherLabel: string;
  greeting: string;
  /** The person behind the shop, when the owner filled any of it in. */
  owner: { firstName: string | null; photoUrl: string | null; trustLine: string | null } | null;
  accent: string;
  /** The text colour on the accent (light or dark, whichever reads better; see `contrast.ts`). */
  onAccent: string;
  position: "left" | "right";
  /**
   * The panel's colours: `scheme` the shopper's system setting (`auto`) or forced by the owner; `darkFocus`
   * the accent's partner on the dark panel (focus rings, the button's edge; see `contrast.ts`).
   */
  theme: { scheme: "auto" | "light" | "dark"; darkFocus: string };
  channels: { id: ChannelId; label: string }[];
  availability: Availability;
  consent: Consent;
  /** ISO instants the shopper may choose for a call back. */
  callback: { slots: string[] };
  message: { fields: MessageField[]; replyWithinHours: number };
  /** Up to four short lines: the owner's trust items and a reply time from real answers (issue #12). */
  trust: string[];
};

/** The server's answer to a shopper's call-back or message (`201`). */
export type SubmissionAnswer = {
  id: string;
  status: string;
  expect?: { kind: string; at?: string };
  replyTime?: string;
  /** For a message: when it will be answered, as data the widget writes in the shopper's language. */
  reply?: { withinHours?: number; by?: string } | null;
};
