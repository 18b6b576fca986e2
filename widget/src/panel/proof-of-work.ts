// The anti-spam proof of work (ALTCHA's format), from the panel's side: the challenge is fetched when a
// form opens and solved in the background by ./pow/solver.ts (its own chunk, widget-pow.js, imported
// then), a few hundred hashes at a time with a yield between batches, so typing never waits.
// crypto.subtle is async and native; a Worker would need a blob: URL, which a strict CSP refuses, and
// altcha's own client solver costs more bytes than this.
import { request } from "../shared/http.ts";
import type { Challenge, Solution } from "./pow/solver.ts";

/**
 * One solution at a time for the panel's forms: `start()` when a form opens, `get()` when it is sent
 * (waits if still solving), `spent()` after the server accepted it (the server takes each only once).
 * `solverChunk` is the URL of widget-pow.js; `sha256Chunk` that of widget-sha256.js, for pages without crypto.subtle.
 */
export function proofOfWork(base: string, solverChunk: string, sha256Chunk = "") {
  let pending: Promise<Solution | undefined> | null = null;
  let fetchedAt = 0;
  const current = () => {
    // Challenges expire on the server after 20 minutes: a form left open longer gets a fresh one.
    if (!pending || Date.now() - fetchedAt > 15 * 60e3) {
      fetchedAt = Date.now();
      // 404: none asked. Whatever else goes wrong (an odd challenge, a failing digest), the form is still
      // sent, unsolved, and the server applies its rules: get() never rejects.
      pending = request<Challenge>(`${base}/challenge`)
        .then(async (result) => {
          if (!result.ok) return;
          const solver: typeof import("./pow/solver.ts") = await import(/* @vite-ignore */ solverChunk);
          return solver.solve(result.data, solver.pageDigest(sha256Chunk));
        })
        .catch(() => undefined);
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
