// Server errors arrive keyed by the dotted path of the bad value (`accent`, `hours.mon.0.to`,
// `allowedOrigins.2`). Each control's id is derived from its path, so an error finds its control.

/** The element id for a settings path: `hours.mon.0.to` -> `s-hours-mon-0-to`. */
export function fieldId(path: string): string {
  return `s-${path.replace(/[^A-Za-z0-9_-]+/g, "-")}`;
}

/** The error for `path`; with `nested`, also one reported for anything inside it (`allowedOrigins.2`). */
export function errorAt(errors: Record<string, string>, path: string, nested = false): string | undefined {
  if (errors[path]) return errors[path];
  if (!nested) return undefined;
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}

/**
 * The id of the control that shows an error: the path's own control, else the nearest enclosing
 * one (`allowedOrigins.2` is shown at the `allowedOrigins` box); undefined when none is on the page.
 */
export function controlFor(path: string, exists: (id: string) => boolean): string | undefined {
  const parts = path.split(".");
  for (let n = parts.length; n > 0; n--) {
    const id = fieldId(parts.slice(0, n).join("."));
    if (exists(id)) return id;
  }
  return undefined;
}

/** Errors no control on the page can show (they go in the section's message instead). */
export function unplacedErrors(errors: Record<string, string>, exists: (id: string) => boolean): string[] {
  return Object.entries(errors)
    .filter(([path]) => !controlFor(path, exists))
    .map(([path, message]) => (path === "body" ? message : `${path}: ${message}`));
}
