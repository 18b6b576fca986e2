// The anti-spam proof of work (ALTCHA's format): find `number` with SHA-256(salt + number) = challenge.
// Fetched when a form opens and solved in the background, a few hundred hashes at a time with a yield
// between batches, so typing never waits. crypto.subtle is async and native; a Worker would need a
// blob: URL, which a strict CSP refuses, and altcha's own client solver costs more bytes than this.
import { request } from "./http.ts";

type Challenge = { algorithm: string; challenge: string; salt: string; signature: string; maxnumber?: number };
export type Solution = { algorithm: string; challenge: string; number: number; salt: string; signature: string };

const BATCH = 400;

/** Finds the number for a challenge, or undefined if there is none (or no crypto.subtle: not a secure page). */
export async function solve(c: Challenge): Promise<Solution | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle || c.algorithm !== "SHA-256") return;
  const encoder = new TextEncoder();
  const max = c.maxnumber ?? 1e6;
  for (let start = 0; start <= max; start += BATCH) {
    const batch: Promise<ArrayBuffer>[] = [];
    for (let n = start; n < start + BATCH && n <= max; n++) batch.push(subtle.digest("SHA-256", encoder.encode(c.salt + n)));
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
      pending = request<Challenge>(`${base}/challenge`).then((result) => (result.ok ? solve(result.data) : undefined)); // 404: none asked
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
