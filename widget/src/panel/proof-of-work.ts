// The anti-spam proof of work (ALTCHA's format): find `number` with SHA-256(salt + number) = challenge.
// Fetched when a form opens and solved in the background, a few hundred hashes at a time with a yield
// between batches, so typing never waits. crypto.subtle is async and native; a Worker would need a
// blob: URL, which a strict CSP refuses, and altcha's own client solver costs more bytes than this.
// crypto.subtle exists only in secure contexts: on a plain-http shop the hashes come from ./sha256.ts.
import { request } from "../shared/http.ts";
import { sha256 } from "./sha256.ts";

type Challenge = { algorithm: string; challenge: string; salt: string; signature: string; maxnumber?: number };
export type Solution = { algorithm: string; challenge: string; number: number; salt: string; signature: string };
/** SHA-256 of some bytes, as crypto.subtle.digest gives it. */
export type Digest = (data: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer> | ArrayBuffer;

const BATCH = 400;

/** crypto.subtle's SHA-256 where the page has it, else the plain-JS one (same answers, a few times slower). */
function pageDigest(): Digest {
  const subtle = globalThis.crypto?.subtle;
  return subtle ? (data) => subtle.digest("SHA-256", data) : sha256;
}

/** Finds the number for a challenge, or undefined if there is none within maxnumber or the algorithm is not SHA-256. */
export async function solve(c: Challenge, digest: Digest = pageDigest()): Promise<Solution | undefined> {
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

/**
 * One solution at a time for the panel's forms: `start()` when a form opens, `get()` when it is sent
 * (waits if still solving), `spent()` after the server accepted it (the server takes each only once).
 */
export function proofOfWork(base: string) {
  let pending: Promise<Solution | undefined> | null = null;
  let fetchedAt = 0;
  const current = () => {
    // Challenges expire on the server after 20 minutes: a form left open longer gets a fresh one.
    if (!pending || Date.now() - fetchedAt > 15 * 60e3) {
      fetchedAt = Date.now();
      // 404: none asked. Whatever else goes wrong (an odd challenge, a failing digest), the form is still
      // sent, unsolved, and the server applies its rules: get() never rejects.
      pending = request<Challenge>(`${base}/challenge`).then((result) => (result.ok ? solve(result.data) : undefined)).catch(() => undefined);
    }
    return pending;
  };
  return {
    start: () => void current(),
    get: current,
    spent: () => void (pending = null),
  };
}

export type ProofOfWork = ReturnType<typeof proofOfWork>;
