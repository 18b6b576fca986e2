import type { ErrorBody } from "@beckon/contract/errors";
import { t } from "./i18n/t.ts";

/** An error answer from the owner API: `{ error: { code, message, fields? } }`, plus the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type Api = {
  get<T>(path: string): Promise<T>;
  /** A state-changing request; carries the session's CSRF token. `body` is sent as JSON unless it is a Blob. */
  send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown): Promise<T>;
  /** Set after sign-in or setup, from the session answer. */
  setCsrfToken(token: string | null): void;
};

/** The owner API client: `/api/admin` paths, same-origin cookies, errors thrown as ApiError. */
export function createApi(base = "/api/admin"): Api {
  let csrfToken: string | null = null;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) {
      payload = body; // the browser sets multipart/form-data with its boundary
    } else if (body instanceof Blob) {
      payload = body;
      headers["Content-Type"] = body.type || "application/octet-stream";
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["Content-Type"] = "application/json";
    }
    let res: Response;
    try {
      res = await fetch(base + path, { method, headers, body: payload, credentials: "same-origin" });
    } catch {
      throw new ApiError(0, "network_error", t("api.network_error"));
    }
    if (res.status === 204) return undefined as T;
    const data = await res.json().catch(() => null);
    if (!res.ok) {
      const error = (data as Partial<ErrorBody> | null)?.error;
      throw new ApiError(res.status, error?.code ?? "http_error", error?.message ?? t("api.http_error", { status: String(res.status) }), error?.fields ?? {});
    }
    return data as T;
  }

  return {
    get: (path) => call("GET", path),
    send: (method, path, body) => call(method, path, body),
    setCsrfToken: (token) => void (csrfToken = token),
  };
}
