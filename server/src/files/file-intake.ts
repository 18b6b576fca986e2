import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { Invalid, TooLarge, UnsupportedType } from "../domain-errors.ts";

/** Each file at most 10 MB (before our re-encoding), at most 5 with one message or chat line. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 5;
/** Images are kept at most this many pixels on their longest side (the widget downscales first). */
export const MAX_IMAGE_SIDE = 2048;
/** A decompression bomb (a tiny PNG of 100k × 100k pixels) is refused before it is decoded. */
const MAX_INPUT_PIXELS = 60_000_000;
const THUMB_SIDE = 320;

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
const ACCEPTED = new Set<string>([...IMAGE_TYPES, "application/pdf"]);
const EXTENSION: Record<string, string> = { "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "application/pdf": "pdf" };

export type PreparedFile = { type: string; name: string; bytes: Uint8Array; thumb: Uint8Array | undefined };

export const isImage = (type: string) => (IMAGE_TYPES as readonly string[]).includes(type);

/**
 * Checks one uploaded file by its bytes (the name and the declared type are ignored) and makes it safe
 * to keep: images are decoded and re-encoded without any metadata (EXIF, GPS, XMP, comments), turned
 * upright and kept within 2048 px, with a small WebP thumbnail; PDFs are kept as sent.
 */
export async function prepareFile(bytes: Uint8Array, givenName: string): Promise<PreparedFile> {
  if (bytes.byteLength > MAX_FILE_BYTES) throw new TooLarge("file_too_large", "Each file must be 10 MB or smaller.");
  if (!bytes.byteLength) throw new Invalid("file_empty", "That file is empty.");
  const sniffed = (await fileTypeFromBuffer(bytes))?.mime;
  if (sniffed === "image/heic" || sniffed === "image/heif" || sniffed === "image/heic-sequence" || sniffed === "image/heif-sequence") {
    throw new UnsupportedType("heic_unsupported", "HEIC photos cannot be sent. Choose “Most compatible” in the camera settings, or send a screenshot.");
  }
  if (!sniffed || !ACCEPTED.has(sniffed)) throw new UnsupportedType("file_type_refused", "Only photos (JPEG, PNG, WebP) and PDF files can be sent.");
  const name = safeName(givenName, EXTENSION[sniffed]!);
  if (!isImage(sniffed)) return { type: sniffed, name, bytes, thumb: undefined };
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate() // applies the EXIF orientation, which is about to be dropped
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true });
    // sharp writes no metadata unless asked (withMetadata/keepExif): the output carries pixels only.
    const out =
      sniffed === "image/jpeg" ? image.jpeg({ quality: 85, mozjpeg: true }) : sniffed === "image/png" ? image.png({ compressionLevel: 9 }) : image.webp({ quality: 85 });
    const clean = new Uint8Array(await out.toBuffer());
    const thumb = new Uint8Array(await sharp(clean).resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: "inside", withoutEnlargement: true }).webp({ quality: 70 }).toBuffer());
    return { type: sniffed, name, bytes: clean, thumb };
  } catch {
    throw new Invalid("file_unreadable", "That picture could not be read. Try another one.");
  }
}

/** A display name: no folders, no control or bidi characters, at most 80 characters, the extension of its real type. */
export function safeName(given: string, ext: string): string {
  const base = (given.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"]/g, "")
    .replace(/\.[^.]*$/, "")
    .trim()
    .slice(0, 80);
  return `${base || "file"}.${ext}`;
}
