import type { Context } from "hono";
import { ApiError } from "./errors.ts";

/**
 * Reads a JSON body sent as application/json or as text/plain (what the widget may send to skip a CORS
 * preflight). Size is limited before this by the body-limit middleware.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type && type !== "application/json" && type !== "text/plain") {
    throw new ApiError(415, "unsupported_media_type", "Send the request as JSON (application/json or text/plain).");
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}
