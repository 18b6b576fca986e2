/** `tz` when it is a time zone this runtime knows (e.g. "Europe/London"), else null. Never throws. */
export function knownTimeZone(tz: string | null | undefined): string | null {
  if (!tz) return null;
  try {
    return new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
