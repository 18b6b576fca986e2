// Building an Intl.DateTimeFormat costs 0.2–1 ms; shoppers send the same few zones, so answers are kept
// (a bounded map: a script sending junk zones cannot grow it without end).
const known = new Map<string, string | null>();

/** `tz` when it is a time zone this runtime knows (e.g. "Europe/London"), else null. Never throws. */
export function knownTimeZone(tz: string | null | undefined): string | null {
  if (!tz) return null;
  const hit = known.get(tz);
  if (hit !== undefined) return hit;
  if (known.size >= 1000) known.clear();
  const answer = resolveZone(tz);
  known.set(tz, answer);
  return answer;
}

function resolveZone(tz: string): string | null {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
