import type { z } from "zod";
import { ApiError } from "../http/errors.ts";

/** One message per field from a zod error, keyed by the dotted path (`hours.mon.0.to`); the first message wins. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.map(String).join(".") || "body"] ??= issue.message;
  return fields;
}

/** Parses input with a schema, or throws the 400 `validation_failed` answer listing every bad field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(fieldErrors(result.error));
  return result.data;
}

export function validationFailed(fields: Record<string, string>): ApiError {
  return new ApiError(400, "validation_failed", "Please check the highlighted fields.", fields);
}
