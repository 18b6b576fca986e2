// `GET`/`PUT /api/admin/sites/:site/settings`: what an owner can configure about a site. The server's
// zod schema (server/src/services/site-settings.ts) fills defaults and judges values; its parsed type must
// have exactly these keys and fit `SiteSettings` (server/src/contract.test.ts checks it), so a new setting is added in both places.
import type { ChannelConsent, ChannelId, MessageField } from "./config.ts";
import type { Locale } from "./locales.ts";

export type Weekday = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
/** Opening hours: up to four `HH:MM` intervals a day. */
export type Hours = Record<Weekday, { from: string; to: string }[]>;

/** The languages Beckon speaks to shoppers (server/src/i18n/locales.ts has the same list). */
export type ShopperLocale = Locale;

/** The owner's own words for one language; anything left out falls back to the site's main text. */
export type LocalizedTexts = {
  greeting?: string | undefined;
  privacyLine?: string | undefined;
  consent?: { callback?: string | undefined; message?: string | undefined; chat?: string | undefined } | undefined;
  autoReply?: { subject?: string | undefined; body?: string | undefined } | undefined;
};

export type SiteSettings = {
  launcherLabel: string;
  greeting: string;
  ownerFirstName: string | null;
  trustLine: string | null;
  /** Issue #12: up to three short trust items in the panel. */
  trustItems: { text: string; by: string | null }[];
  accent: string;
  position: "left" | "right";
  /** The widget panel's colours: follow the shopper's system (`auto`), or always `light` / `dark`. */
  colorScheme: "auto" | "light" | "dark";
  /** Keep `position` in right-to-left languages too (otherwise the launcher moves to the other corner). */
  pinPosition: boolean;
  /** The widget's language when nothing better is known, and one the owner forces (null: off). */
  defaultLocale: Locale;
  forceLocale: Locale | null;
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
  /** The owner's texts per language (`translations.de.greeting`). */
  translations: Partial<Record<ShopperLocale, LocalizedTexts>>;
};

/** `GET`/`PUT /api/admin/sites/:site/settings`. */
export type SettingsView = {
  site: { key: string; name: string; ownerPhone: string | null; /** False for a number stored before numbers had to be proved. */ ownerPhoneProved?: boolean; photoUrl: string | null };
  settings: SiteSettings;
};

/** What a section sends: any of these, merged over what is stored by the server. */
export type SettingsUpdate = { name?: string; ownerPhone?: string | null; settings?: Partial<SiteSettings> };
