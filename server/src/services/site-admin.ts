import { eq } from "drizzle-orm";
import { z } from "zod";
import { embedSnippet, QUEUE_STUB } from "@beckon/widget/snippet";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { sites } from "../db/schema.ts";
import { ApiError } from "../http/errors.ts";
import { templateProblem } from "./autoreply.ts";
import { parsePhone } from "./phone.ts";
import { siteSettingsSchema } from "./site-settings.ts";
import { listWidgetOrigins } from "./widget-origins.ts";
import { requireOwner, type MemberSite } from "./accounts.ts";
import { fieldErrors, validationFailed } from "./validation.ts";

const updateInput = z.object({
  name: z.string().trim().min(1, "Enter the site's name.").max(80).optional(),
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
  return {
    site: { key: site.key, name: site.name, ownerPhone: site.ownerPhone, photoUrl: photoUrl(publicUrl, site.key, row?.photoUpdatedAt ?? null) },
    settings: site.settings,
  };
}

/**
 * Saves settings: merged over what is stored, validated whole, every bad field reported by its path
 * (`accent`, `hours.mon.0.to`, `ownerPhone`). Takes effect on the widget's next config load.
 */
export async function updateSiteSettings(db: Db, site: MemberSite, input: unknown): Promise<MemberSite> {
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
  }
  let phone: string | null | undefined = undefined;
  if (ownerPhone === null || ownerPhone === "") phone = null;
  else if (typeof ownerPhone === "string") {
    const result = parsePhone(ownerPhone, merged.success ? merged.data.phoneCountry : site.settings.phoneCountry);
    if (result.ok) phone = result.e164;
    else fields.ownerPhone = result.message;
  }
  if (!merged.success || Object.keys(fields).length) throw validationFailed(fields);
  await db
    .update(sites)
    .set({ settings: merged.data, ...(name !== undefined && { name }), ...(phone !== undefined && { ownerPhone: phone }) })
    .where(eq(sites.id, site.id));
  return { ...site, name: name ?? site.name, ownerPhone: phone === undefined ? site.ownerPhone : phone, settings: merged.data };
}

export const MAX_PHOTO_BYTES = 256 * 1024;
const photoTypes = new Set(["image/png", "image/jpeg", "image/webp", "image/gif"]);

/** Stores the owner's photo shown in the widget. */
export async function savePhoto(db: Db, clock: Clock, site: MemberSite, type: string, bytes: ArrayBuffer): Promise<void> {
  requireOwner(site, "change the photo");
  if (!photoTypes.has(type)) throw new ApiError(415, "unsupported_media_type", "Upload a PNG, JPEG, WebP or GIF image.");
  if (bytes.byteLength === 0) throw new ApiError(400, "empty_body", "The image is empty.");
  if (bytes.byteLength > MAX_PHOTO_BYTES) throw new ApiError(413, "payload_too_large", "The photo must be 256 KB or smaller.");
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
export async function installInfo(db: Db, publicUrl: string, site: MemberSite) {
  const origins = await listWidgetOrigins(db, site.id, site.settings);
  const latest = origins.find((o) => o.allowed);
  return {
    snippet: embedSnippet(publicUrl, site.key),
    queueStub: `<script>${QUEUE_STUB}</script>`,
    lastSeen: latest ? { origin: latest.origin, at: latest.lastSeenAt } : null,
    origins,
    allowedOrigins: site.settings.allowedOrigins,
  };
}
