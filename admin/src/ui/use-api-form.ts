import { useState } from "preact/hooks";
import { ApiError } from "../api.ts";

type Options = {
  /** Control ids are `${idPrefix}-${field}`. */
  idPrefix: string;
  /** The fields in form order: focus goes to the first one the server complains about. */
  fields: readonly string[];
  /** Where focus goes when the answer names no field (e.g. a wrong password). */
  fallbackFocus?: string;
};

/**
 * A form that sends to the owner API: its values, the server's field errors and one-line message,
 * and a busy flag; on failure focus moves to the first field to fix.
 */
export function useApiForm<T extends Record<string, string>>(initial: T, opts: Options) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: keyof T) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (send: (values: T) => Promise<void>) => async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      await send(values);
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      setErrors(fields);
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
      const first = opts.fields.find((k) => fields[k]) ?? opts.fallbackFocus;
      if (first) document.getElementById(`${opts.idPrefix}-${first}`)?.focus();
    }
  };
  return { values, set, errors, error, busy, submit };
}
