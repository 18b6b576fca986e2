// The config GET, and nothing more: the loader's own lean fetch. The panel keeps shared/http.ts (with its
// Retry-After and worded errors) for its posts, so the loader does not carry a second copy of it.

export type ConfigAnswer = { ok: boolean; status: number; data?: any };

/** Never throws: `status` 0 when the server was not reached (offline, 15 s without an answer). */
export async function fetchConfig(url: string): Promise<ConfigAnswer> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), 15e3);
  try {
    const response = await fetch(url, { credentials: "omit", signal: stop.signal });
    return { ok: response.ok, status: response.status, data: await response.json().catch(() => {}) };
  } catch {
    return { ok: false, status: 0 };
  } finally {
    clearTimeout(timer);
  }
}
