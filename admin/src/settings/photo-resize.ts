import { t } from "../i18n/t.ts";
/** The side, in pixels, of the square photo the widget shows (at up to 4× its 64 px). */
export const PHOTO_SIDE = 256;

export type SquareCrop = { sx: number; sy: number; side: number; out: number };

/** The centred square of a `width`×`height` picture, and the size to draw it at (never enlarged). */
export function centreSquare(width: number, height: number, target = PHOTO_SIDE): SquareCrop {
  const side = Math.min(width, height);
  return { sx: Math.floor((width - side) / 2), sy: Math.floor((height - side) / 2), side, out: Math.min(target, side) };
}

const encode = (canvas: HTMLCanvasElement, type: string) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.86));

/**
 * Turns whatever photo the owner picked (a 4 MB phone picture, a PNG screenshot) into a small
 * square: centre-cropped, at most 256 px, re-encoded as WebP, or JPEG where the browser cannot
 * write WebP. Re-encoding also drops the EXIF data (location) a phone photo carries.
 * Throws when the browser cannot read the file as a picture.
 */
export async function squarePhoto(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(t("photo.cannot_read"));
  }
  const crop = centreSquare(bitmap.width, bitmap.height);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = crop.out;
  const ctx = canvas.getContext("2d")!;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, crop.sx, crop.sy, crop.side, crop.side, 0, 0, crop.out, crop.out);
  bitmap.close();
  // A browser that cannot write WebP hands back a PNG instead: then JPEG is the smaller choice.
  const webp = await encode(canvas, "image/webp");
  const blob = webp?.type === "image/webp" ? webp : await encode(canvas, "image/jpeg");
  if (!blob) throw new Error(t("photo.cannot_prepare"));
  return blob;
}
