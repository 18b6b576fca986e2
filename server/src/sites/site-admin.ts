import { eq } from "drizzle-orm";
import { z } from "zod";
import { embedSnippet, QUEUE_STUB } from "@beckon/contract/snippet";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { sites, verifiedPhones } from "../db/schema.ts";
import { Invalid, TooLarge, UnsupportedType } from "../domain-errors.ts";
import { templateProblem } from "@beckon/contract/autoreply";
import { parsePhone } from "../customers/phone.ts";
import { siteSettingsSchema } from "./site-settings.ts";
import { listWidgetOrigins } from "./widget-origins.ts";
import { requireOwner, type MemberSite } from "../accounts/accounts.ts";
import { fieldErrors, validationFailed, typedText } from "../http/validation.ts";
import { sniffImageType } from "./image-type.ts";

const updateInput = z.object({
  name: typedText().trim().min(1, "Enter the site's name.").max(80).optional(),
  ownerPhone: z.string().trim().max(40).nullable().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

/** The public address of a site's owner photo, with a version so caches refresh when it changes. */
export function photoUrl(publicUrl: string, key: string, updatedAt: Date | null): string | null {
  return updatedAt ? `${publicUrl}/api/v1/sites/${encodeURIComponent(key)}/photo?v=${updatedAt.getTime()}` : null;
}

/** A site's editable settings, as the settings page shows them. */
export async function siteSettingsView(db: Db, publicUrl: string, site: MemberSite) {
  const [row] = await db.select({ photoUpdatedAt: sites.photoUpdatedAt }).from(sites).where(eq(sites.id, site.id));
  // A number stored before numbers had to be proved still gets alerts, but its SMS replies are not trusted.
  const [proved] = site.ownerPhone ? await db.select({ phone: verifiedPhones.phone }).from(verifiedPhones).where(eq(verifiedPhones.phone, site.ownerPhone)) : [];
  return {
    site: { key: site.key, name: site.name, ownerPhone: site.ownerPhone, ownerPhoneProved: !!proved, photoUrl: photoUrl(publicUrl, site.key, row?.photoUpdatedAt ?? null) },
    settings: site.settings,
  };
}

/** What the settings form sends: checked as a whole, below, so every bad field is reported at once. */
export const settingsUpdateBody = z.looseObject({});
export type SettingsUpdateBody = z.output<typeof settingsUpdateBody>;

/**
 * Saves settings: merged over what is stored, validated whole, every bad field reported by its path
 * (`accent`, `hours.mon.0.to`, `ownerPhone`). Takes effect on the widget's next config load. A new
 * alert number is accepted only if `proved` says this account proved it.
 */
export async function updateSiteSettings(db: Db, site: MemberSite, input: SettingsUpdateBody, proved: (phone: string) => Promise<boolean> = async () => false): Promise<MemberSite> {
  requireOwner(site, "change settings");
  const parsed = updateInput.safeParse(input);
  const fields: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
  // Keep validating the rest when one part is bad, so the owner sees every problem at once.
  const raw = (input && typeof input === "object" ? input : {}) as { ownerPhone?: unknown; settings?: unknown };
  const name = parsed.success ? parsed.data.name : undefined;
  const ownerPhone = raw.ownerPhone;
  const merged = siteSettingsSchema.safeParse({ ...site.settings, ...(raw.settings && typeof raw.settings === "object" ? raw.settings : {}) });
  if (!merged.success) Object.assign(fields, fieldErrors(merged.error));
  else {
    for (const part of ["subject", "body"] as const) {
      const problem = templateProblem(merged.data.autoReply[part], merged.data.messageFields);
      if (problem) fields[`autoReply.${part}`] = problem;
    }
    for (const [locale, texts] of Object.entries(merged.data.translations)) {
      for (const part of ["subject", "body"] as const) {
        const template = texts?.autoReply?.[part];
        const problem = template && templateProblem(template, merged.data.messageFields);
        if (problem) fields[`translations.${locale}.autoReply.${part}`] = problem;
      }
    }
  }
  let phone: string | null | undefined = undefined;
  if (ownerPhone === null || ownerPhone === "") phone = null;
  else if (typeof ownerPhone === "string") {
    const result = parsePhone(ownerPhone, merged.success ? merged.data.phoneCountry : site.settings.phoneCountry);
    // Alerts go only to a number its holder proved with a texted code (see phone-verification.ts).
    if (!result.ok) fields.ownerPhone = result.message;
    else if (result.e164 === site.ownerPhone || (await proved(result.e164))) phone = result.e164;
    else fields.ownerPhone = "Prove this number first: use “Text me a code” and enter the code.";
  }
  if (!merged.success || Object.keys(fields).length) throw validationFailed(fields);
  await db
    .update(sites)
    .set({ settings: merged.data, ...(name !== undefined && { name }), ...(phone !== undefined && { ownerPhone: phone }) })
    .where(eq(sites.id, site.id));
  return { ...site, name: name ?? site.name, ownerPhone: phone === undefined ? site.ownerPhone : phone, settings: merged.data };
}

export const MAX_PHOTO_BYTES = 256 * 1024;

/**
 * Stores the owner's photo shown in the widget. The type is read from the content (magic bytes):
 * the declared type must be an image, and what is stored and served is what the bytes really are.
 */
export async function savePhoto(db: Db, clock: Clock, site: MemberSite, declared: string, bytes: ArrayBuffer): Promise<void> {
  requireOwner(site, "change the photo");
  if (bytes.byteLength === 0) throw new Invalid("empty_body", "The image is empty.");
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new TooLarge("payload_too_large", "The photo must be 256 KB or smaller.");
  const type = sniffImageType(bytes);
  if (!type || !declared.startsWith("image/")) throw new UnsupportedType("unsupported_media_type", "Upload a PNG, JPEG, WebP or GIF image.");
  await db.update(sites).set({ photo: Buffer.from(bytes), photoType: type, photoUpdatedAt: clock.now() }).where(eq(sites.id, site.id));
}

export async function deletePhoto(db: Db, site: MemberSite): Promise<void> {
  requireOwner(site, "change the photo");
  await db.update(sites).set({ photo: null, photoType: null, photoUpdatedAt: null }).where(eq(sites.id, site.id));
}

/** The owner photo for the public widget, if there is one. */
export async function findPhoto(db: Db, key: string) {
  const [row] = await db.select({ photo: sites.photo, type: sites.photoType }).from(sites).where(eq(sites.key, key));
  return row?.photo && row.type ? { bytes: row.photo, type: row.type } : undefined;
}

/**
 * The install page: the snippet, and the install check: every origin that loaded the widget (allowed
 * or refused by the site's origin lock, judged against the current settings), the latest allowed one
 * as `lastSeen`, and the lock itself (`allowedOrigins`; empty means every site may show the widget).
 */
const DEFAULT_LAUNCHER_LABEL = siteSettingsSchema.shape.launcherLabel.parse(undefined);

export async function installInfo(db: Db, publicUrl: string, site: MemberSite) {
  const origins = await listWidgetOrigins(db, site.id, site.settings);
  const latest = origins.find((o) => o.allowed);
  return {
    snippet: embedSnippet(publicUrl, site.key, {
      color: site.settings.accent,
      // The default label is said in the shopper's language by the config; only the owner's own rides along.
      label: site.settings.launcherLabel === DEFAULT_LAUNCHER_LABEL ? undefined : site.settings.launcherLabel,
    }),
    queueStub: `<script>${QUEUE_STUB}</script>`,
    lastSeen: latest ? { origin: latest.origin, at: latest.lastSeenAt } : null,
    origins,
    allowedOrigins: site.settings.allowedOrigins,
  };
}
