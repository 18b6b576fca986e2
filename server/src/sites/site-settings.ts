import { z } from "zod";
import { isSupportedCountry } from "libphonenumber-js/max";
import { LOCALES } from "@beckon/contract/locales";
import { DEFAULT_AUTOREPLY_BODY, DEFAULT_AUTOREPLY_SUBJECT } from "@beckon/contract/autoreply";
import { textOnAccent } from "@beckon/contract/contrast";
import { FIELD_ID } from "@beckon/contract/fields";
import { consentSettings, migrateConsent } from "./consent-settings.ts";
import { localeSettings } from "./locale-settings.ts";
import { knownTimeZone } from "./time-zone.ts";

// Any zone the runtime knows, by its current name or an older one: Intl.supportedValuesOf lists one name
// per zone, and ICU's is often the old one ("Asia/Calcutta", not "Asia/Kolkata"; "Europe/Kiev", not "Europe/Kyiv").
const supportedZone = (tz: string) => knownTimeZone(tz) !== null;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "use HH:MM, 24-hour");
const interval = z
  .object({ from: time, to: time })
  .refine((i) => i.from < i.to, { message: "closing time must be after opening time" });

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const hoursSchema = z.object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(interval).max(4).default([])])) as Record<
    Weekday,
    z.ZodDefault<z.ZodArray<typeof interval>>
  >,
);

export const CHANNEL_IDS = ["callback", "message", "chat"] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

const weekdayHours = [{ from: "09:00", to: "17:00" }];

/** An extra question on the "Send a message" form, configured by the owner. */
const messageField = z
  .object({
    id: z.string().regex(FIELD_ID, "Use lower-case letters, digits and _ (e.g. order_number)."),
    label: z.string().trim().min(1, "Give the field a label.").max(60),
    type: z.enum(["text", "choice", "checkbox"]),
    options: z.array(z.string().trim().min(1).max(60)).max(12).default([]),
    required: z.boolean().default(false),
  })
  .refine((f) => f.type !== "choice" || f.options.length >= 2, { message: "A choice needs at least two options.", path: ["options"] });

export { DEFAULT_AUTOREPLY_BODY, DEFAULT_AUTOREPLY_SUBJECT };

/** Everything an owner can configure about a site; stored as JSON and parsed with defaults on read. */
export const siteSettingsSchema = z.object({
  launcherLabel: z.string().trim().min(1).max(40).default("Contact us"),
  greeting: z.string().trim().max(200).default("Hi! How can we help?"),
  ownerFirstName: z.string().trim().max(40).nullable().default(null),
  trustLine: z.string().trim().max(120).nullable().default(null),
  /** Issue #12: up to three short trust items in the panel (a testimonial and its author, a badge, a promise). */
  trustItems: z.array(z.object({ text: z.string().trim().min(1).max(140), by: z.string().trim().max(60).nullable().default(null) })).max(3).default([]),
  accent: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1f6f5c.")
    .superRefine((hex, ctx) => {
      // Light or dark text is chosen to suit the accent; only a colour neither reads on is refused.
      const text = textOnAccent(hex);
      if (!text.passes) {
        ctx.addIssue({
          code: "custom",
          message: `Neither white nor dark text is easy to read on ${hex} (best contrast ${(Math.floor(text.ratio * 10) / 10).toFixed(1)}:1; it needs 4.5:1). Choose a lighter or darker colour.`,
        });
      }
    })
    .default("#1f6f5c"),
  position: z.enum(["left", "right"]).default("right"),
  /** The widget panel's colours: the shopper's system setting, or always light / dark. */
  colorScheme: z.enum(["auto", "light", "dark"]).default("auto"),
  /** Keep the launcher on `position` in right-to-left languages too (otherwise it moves to the other corner). */
  pinPosition: z.boolean().default(false),
  /** The widget's language when neither the page nor the shopper's browser names one we have. */
  defaultLocale: z.enum(LOCALES).default("en"),
  /** A language the owner forces on every shopper (only the page's `data-lang` / `Beckon('locale')` overrides it); null: off. */
  forceLocale: z.enum(LOCALES).nullable().default(null),
  channels: z.array(z.enum(CHANNEL_IDS)).default(["callback", "message"]),
  timezone: z
    .string()
    .refine((tz) => supportedZone(tz), "unknown time zone")
    .default("UTC"),
  hours: hoursSchema.default({
    mon: weekdayHours,
    tue: weekdayHours,
    wed: weekdayHours,
    thu: weekdayHours,
    fri: weekdayHours,
    sat: [],
    sun: [],
  }),
  awayUntil: z.iso.datetime({ offset: true }).nullable().default(null),
  awayMessage: z.string().trim().max(200).nullable().default(null),
  phoneCountry: z
    .string()
    .refine((c) => isSupportedCountry(c), "unknown country code")
    .default("US"),
  allowedOrigins: z
    .array(
      z
        .string()
        .trim()
        .refine((o) => o === "*" || /^https?:\/\/[^/\s]+$/.test(o), "Use an origin like https://shop.example.com (no path)."),
    )
    .max(20)
    .default([]),
  ...consentSettings,
  ...localeSettings,
  smsAlerts: z.boolean().default(true),
  /**
   * Texts to shoppers (off by default): a confirmation after a call-back request and one notice after a
   * missed call, only with their consent, at most `dailyCap` a day for the site, and only to numbers of
   * `countries` (empty: the site's phone country), which keeps SMS pumping from costing the shop.
   */
  shopperSms: z
    .object({
      enabled: z.boolean().default(false),
      dailyCap: z.number().int().min(1).max(500).default(20),
      countries: z.array(z.string().refine((c) => isSupportedCountry(c), "unknown country code")).max(20).default([]),
    })
    .default({ enabled: false, dailyCap: 20, countries: [] }),
  /** A request still new after this many minutes gets one reminder SMS; null turns reminders off. */
  escalateAfterMinutes: z.number().int().min(5).max(7 * 24 * 60).nullable().default(60),
  /** The local hour of the daily digest of open requests (an SMS, only when some are open); null: none. */
  digestHour: z.number().int().min(0).max(23).nullable().default(18),
  /** Requests and chats with no activity for this many months are deleted (with what is tied to them); null keeps them. */
  retentionMonths: z.number().int().min(1).max(120).nullable().default(null),
  /** Where the owner's copy of messages goes; the site owner's account email when unset. */
  notifyEmail: z.email("Enter a valid email address.").nullable().default(null),
  /** How quickly the owner usually answers during business hours, in hours. */
  replyWithinHours: z.number().int().min(1).max(72).default(2),
  messageFields: z
    .array(messageField)
    .max(6)
    .default([])
    .refine((fields) => new Set(fields.map((f) => f.id)).size === fields.length, "Each field needs its own id."),
  autoReply: z
    .object({
      enabled: z.boolean().default(true),
      subject: z.string().trim().min(1).max(150).default(DEFAULT_AUTOREPLY_SUBJECT),
      body: z.string().trim().min(1).max(4000).default(DEFAULT_AUTOREPLY_BODY),
    })
    .prefault({}),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;
export type MessageField = z.infer<typeof messageField>;
/** Settings as stored or submitted, before defaults are filled in. */
export type SiteSettingsInput = z.input<typeof siteSettingsSchema>;

/** Parses stored settings, filling defaults for anything an older version did not store (and reading older shapes). */
export function readSettings(stored: unknown): SiteSettings {
  return siteSettingsSchema.parse(stored && typeof stored === "object" ? migrateConsent(stored as Record<string, unknown>) : {});
}
