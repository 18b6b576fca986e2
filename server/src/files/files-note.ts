import { isImage } from "./file-intake.ts";

/** The owner SMS's note of what came with a line: "+1 photo", "+3 photos", "+2 files" (photos and PDFs mixed count as files). */
export function filesNote(files: { type: string }[]): string | undefined {
  if (!files.length) return undefined;
  const n = files.length;
  const photos = files.every((f) => isImage(f.type));
  return `+${n} ${photos ? "photo" : "file"}${n === 1 ? "" : "s"}`;
}
