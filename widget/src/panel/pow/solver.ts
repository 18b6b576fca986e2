// The proof of work's solver (widget-pow.js): imported when a form first asks for a proof, so the
// panel does not carry it. ALTCHA's format: find `number` with SHA-256(salt + number) = challenge.
// crypto.subtle exists only in secure contexts: on a plain-http shop the hashes come from ../sha256.ts,
// built as its own file (widget-sha256.js) and imported only then.
export type Challenge = { algorithm: string; challenge: string; salt: string; signature: string; maxnumber?: number };
export type Solution = { algorithm: string; challenge: string; number: number; salt: string; signature: string };
/** SHA-256 of some bytes, as crypto.subtle.digest gives it. */
export type Digest = (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer> | ArrayBuffer;

const BATCH = 400;

/**
 * crypto.subtle's SHA-256 where the page has it, else the plain-JS one (same answers, a few times slower)
 * from `chunk`, the URL of widget-sha256.js, imported on first use. A failed import fails the solve.
 */
export function pageDigest(chunk: string): Digest {
  const subtle = globalThis.crypto?.subtle;
  let plain: Promise<typeof import("../sha256.ts")> | undefined;
  return subtle ? (data) => subtle.digest("SHA-256", data) : async (data) => (await (plain ??= import(/* @vite-ignore */ chunk))).sha256(data);
}

/** Finds the number for a challenge, or undefined if there is none within maxnumber or the algorithm is not SHA-256. */
export async function solve(c: Challenge, digest: Digest = pageDigest("")): Promise<Solution | undefined> {
  if (c.algorithm !== "SHA-256") return;
  const encoder = new TextEncoder();
  const max = c.maxnumber ?? 1e6;
  for (let start = 0, n = 0; start <= max; start = n) {
    const batch: (Promise<ArrayBuffer> | ArrayBuffer)[] = [];
    // The plain-JS digest runs here, on the page's thread (slowly until the JIT warms up): a batch
    // also ends after 10 ms, so a slow phone still gets its frames.
    for (const began = Date.now(); n < start + BATCH && n <= max && Date.now() - began < 10; n++) batch.push(digest(encoder.encode(c.salt + n)));
    const hashes = await Promise.all(batch);
    for (let i = 0; i < hashes.length; i++) {
      if (hex(hashes[i]!) === c.challenge) return { algorithm: c.algorithm, challenge: c.challenge, number: start + i, salt: c.salt, signature: c.signature };
    }
    await new Promise((resolve) => setTimeout(resolve)); // let the page and the shopper's typing run
  }
}

function hex(buffer: ArrayBuffer): string {
  let text = "";
  for (const byte of new Uint8Array(buffer)) text += (byte < 16 ? "0" : "") + byte.toString(16);
  return text;
}

