import { z } from "zod";
import { isSupportedCountry } from "libphonenumber-js/max";
import { contrastRatio } from "./contrast.ts";

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

export const CHANNEL_IDS = ["callback"] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

const weekdayHours = [{ from: "09:00", to: "17:00" }];

/** Everything an owner can configure about a site; stored as JSON and parsed with defaults on read. */
export const siteSettingsSchema = z.object({
  launcherLabel: z.string().trim().min(1).max(40).default("Contact us"),
  greeting: z.string().trim().max(200).default("Hi! How can we help?"),
  ownerFirstName: z.string().trim().max(40).nullable().default(null),
  trustLine: z.string().trim().max(120).nullable().default(null),
  accent: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #1f6f5c.")
    .superRefine((hex, ctx) => {
      const ratio = contrastRatio(hex, "#ffffff");
      if (ratio < 4.5) {
        ctx.addIssue({
          code: "custom",
          message: `White text on ${hex} is hard to read (contrast ${ratio.toFixed(1)}:1; it needs 4.5:1). Choose a darker colour.`,
        });
      }
    })
    .default("#1f6f5c"),
  position: z.enum(["left", "right"]).default("right"),
  channels: z.array(z.enum(CHANNEL_IDS)).default(["callback"]),
  timezone: z
    .string()
    .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "unknown time zone")
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
  consentText: z.string().trim().max(300).default("We'll only use your number to return this call."),
  consentRequired: z.boolean().default(false),
  smsAlerts: z.boolean().default(true),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** Parses stored settings, filling defaults for anything an older version did not store. */
export function readSettings(stored: unknown): SiteSettings {
  return siteSettingsSchema.parse(stored ?? {});
}
