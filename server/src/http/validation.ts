import { z } from "zod";
import { Invalid } from "../domain-errors.ts";

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

export function validationFailed(fields: Record<string, string>): Invalid {
  return new Invalid("validation_failed", "Please check the highlighted fields.", fields);
}

// C0 and C1 control characters, except tab and newline. A NUL cuts a string short in SQLite's C API
// ("a\0b" came back as "a"); the rest hide text or break SMS and mail. \r goes too (\r\n becomes \n).
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes control characters other than newline and tab. */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "");
}

/**
 * The one schema for text a person typed (shoppers and owners, every channel): control characters
 * are stripped before any other check, so `"\0"` fails `.min(1)` and `"a\0b"` is stored as `"ab"`.
 */
export function typedText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(stripControlCharacters);
}
