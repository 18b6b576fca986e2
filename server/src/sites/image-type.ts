/** The image types an owner photo may be, as sniffed from the first bytes (never the name or header). */
export type PhotoType = "image/png" | "image/jpeg" | "image/webp" | "image/gif";

const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/** The type the content really is, by its magic bytes; null for anything else (SVG, HTML, a renamed file). */
export function sniffImageType(data: ArrayBuffer | Uint8Array): PhotoType | null {
  const b = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (b.length >= 8 && b[0] === 0x89 && ascii(b, 1, "PNG\r\n\x1a\n")) return "image/png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "image/jpeg";
  if (b.length >= 12 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) return "image/webp";
  if (b.length >= 6 && (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a"))) return "image/gif";
  return null;
}
