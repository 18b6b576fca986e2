// Away mode is entered as a wall-clock time in the site's time zone (what the owner thinks in) and
// stored as an instant. Intl does the zone arithmetic, so no date library ships to the browser.

/** The wall-clock parts of an instant in a zone. */
function wallParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** The zone's offset from UTC at an instant, in minutes (e.g. -300 for New York in winter). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const p = wallParts(at, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a `datetime-local` value (`2026-11-30T09:00`) in the zone. */
export function toZonedInput(iso: string, timeZone: string): string {
  const p = wallParts(new Date(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A `datetime-local` value read as wall time in the zone, as an ISO instant; null if it is not a
 * date-time. A time skipped by a DST change moves forward by the gap, as clocks do.
 */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offset depends on the instant we are looking for; two rounds settle it, DST edges included.
  let at = wall - zoneOffsetMinutes(new Date(wall), timeZone) * 60_000;
  at = wall - zoneOffsetMinutes(new Date(at), timeZone) * 60_000;
  return new Date(at).toISOString();
}

/** "Mon 30 Nov, 09:00" in the zone, for sentences about a stored time (ui/format.ts writes it). */
export { formatDateTime as formatInZone } from "../ui/format.ts";
