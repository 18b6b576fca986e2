// The one way the panel posts (see `Send` in panel-host.ts). JSON plus a custom header means a CORS
// preflight; the key is worth it (see ARCHITECTURE.md). Without a key (the chat), text/plain keeps the
// request simple.
import type { Send } from "../panel-host.ts";
import { request } from "../shared/http.ts";

/** `send` for the site at `base` (`{api}/api/v1/sites/{site}`). */
export const poster =
  (base: string): Send =>
  (path, body, key, files) =>
    files?.count() ? files.post(`${base}/${path}/files`, body, key) : request(`${base}/${path}`, {
      method: "POST",
      headers: key ? { "Content-Type": "application/json", "Idempotency-Key": key } : { "Content-Type": "text/plain" },
      body: JSON.stringify(body),
    });
