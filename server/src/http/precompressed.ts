import { readFileSync } from "node:fs";
import path from "node:path";

export type Encoding = "br" | "gzip";

/** The encodings a client accepts (`Accept-Encoding`), best first: brotli, then gzip; `q=0` refuses one. */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  const accepted = new Set<string>();
  for (const part of (header ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (q && !(Number(q.slice(2)) > 0)) continue;
    accepted.add(name);
  }
  return (["br", "gzip"] as const).filter((e) => accepted.has(e) || accepted.has("*"));
}

const suffix: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

/**
 * A built file, read as the build compressed it (`file.br`, `file.gz` beside it) when the client
 * accepts that encoding, else as is. Undefined when the file itself is missing (not built).
 */
export async function readBuilt(dir: string, file: string, acceptEncoding: string | undefined): Promise<{ body: Buffer<ArrayBuffer>; encoding: Encoding | undefined } | undefined> {
  const full = path.join(dir, file);
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const body = readIfThere(full + suffix[encoding]);
    if (body) return { body, encoding };
  }
  const body = readIfThere(full);
  return body && { body, encoding: undefined };
}

// Read at once, not through the thread pool: the files are small and in the page cache, and each async
// step (open, stat, read, close) would wait a turn of an event loop that a slow query may be holding.
function readIfThere(file: string): Buffer<ArrayBuffer> | undefined {
  try {
    return readFileSync(file) as Buffer<ArrayBuffer>;
  } catch {
    return undefined;
  }
}
