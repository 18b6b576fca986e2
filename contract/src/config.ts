// `GET /api/v1/sites/:site/config`: the public configuration the widget reads on load. Nothing private.

export type ChannelId = "callback" | "message" | "chat";

/** An extra question the owner added to "Send a message" (its `id` follows `FIELD_ID`). */
export type MessageField = { id: string; label: string; type: "text" | "choice" | "checkbox"; options: string[]; required: boolean };

/** `chatLive`: someone has the inbox open right now, inside business hours. */
export type Availability = { openNow: boolean; nextOpenAt: string | null; awayUntil: string | null; awayMessage: string | null; chatLive?: boolean };

/** One channel's consent: whether the shopper must tick a box, and its wording. */
export type ChannelConsent = { required: boolean; text: string };
/** Consent per channel; a channel that needs no tick shows the `privacy` line only. */
export type Consent = { privacy: string; callback: ChannelConsent; message: ChannelConsent; chat: ChannelConsent };

/** The config as the server sends it (the widget checks it once at the edge before trusting it). */
export type WidgetConfig = {
  site: string;
  name: string;
  launcherLabel: string;
  greeting: string;
  /** The person behind the shop, when the owner filled any of it in. */
  owner: { firstName: string | null; photoUrl: string | null; trustLine: string | null } | null;
  accent: string;
  /** The text colour on the accent (light or dark, whichever reads better; see `contrast.ts`). */
  onAccent: string;
  position: "left" | "right";
  channels: { id: ChannelId; label: string }[];
  availability: Availability;
  consent: Consent;
  /** ISO instants the shopper may choose for a call back. */
  callback: { slots: string[] };
  message: { fields: MessageField[]; replyWithinHours: number };
};

/** The server's answer to a shopper's call-back or message (`201`). */
export type SubmissionAnswer = { id: string; status: string; expect?: { kind: string; at?: string }; replyTime?: string };
