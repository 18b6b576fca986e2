// `GET`/`PUT /api/admin/sites/:site/settings`: what an owner can configure about a site. The server's
// zod schema (server/src/services/site-settings.ts) fills defaults and judges values; its parsed type must
// have exactly these keys and fit `SiteSettings` (server/src/contract.test.ts checks it), so a new setting is added in both places.
import type { ChannelConsent, ChannelId, MessageField } from "./config.ts";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
/** Opening hours: up to four `HH:MM` intervals a day. */
export type Hours = Record<Weekday, { from: string; to: string }[]>;

export type SiteSettings = {
  launcherLabel: string;
  greeting: string;
  ownerFirstName: string | null;
  trustLine: string | null;
  accent: string;
  position: "left" | "right";
  channels: ChannelId[];
  timezone: string;
  hours: Hours;
  awayUntil: string | null;
  awayMessage: string | null;
  phoneCountry: string;
  allowedOrigins: string[];
  privacyLine: string;
  consent: { callback: ChannelConsent; message: ChannelConsent; chat: ChannelConsent };
  smsAlerts: boolean;
  shopperSms: { enabled: boolean; dailyCap: number; countries: string[] };
  escalateAfterMinutes: number | null;
  digestHour: number | null;
  retentionMonths: number | null;
  notifyEmail: string | null;
  replyWithinHours: number;
  messageFields: MessageField[];
  autoReply: { enabled: boolean; subject: string; body: string };
};

/** `GET`/`PUT /api/admin/sites/:site/settings`. */
export type SettingsView = {
  site: { key: string; name: string; ownerPhone: string | null; /** False for a number stored before numbers had to be proved. */ ownerPhoneProved?: boolean; photoUrl: string | null };
  settings: SiteSettings;
};

/** What a section sends: any of these, merged over what is stored by the server. */
export type SettingsUpdate = { name?: string; ownerPhone?: string | null; settings?: Partial<SiteSettings> };
