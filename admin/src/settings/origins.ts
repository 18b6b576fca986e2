import { t } from "../i18n/t.ts";
/** The allowed-origins box, one origin a line, as the list the server stores (blank lines dropped). */
export function parseOrigins(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Server errors for `allowedOrigins.<i>` as "Line 3: …", numbered as the owner sees the list. */
export function originErrors(errors: Record<string, string>): string[] {
  return Object.entries(errors)
    .map(([path, message]) => [/^allowedOrigins\.(\d+)$/.exec(path), message] as const)
    .filter(([m]) => m)
    .map(([m, message]) => t("origins.line_error", { n: Number(m![1]) + 1, message }));
}

/** An origin the widget was loaded on, as the install check reports it. */
export type SeenOrigin = { origin: string; allowed: boolean; firstSeenAt: string; lastSeenAt: string };

/** Whether the widget is locked to a list of sites (empty or `*`: every site may show it). */
export const isLocked = (allowed: string[]) => allowed.length > 0 && !allowed.includes("*");

/** "Only allow these": the list that locks the widget to the sites it works on now. */
export const lockTo = (seen: SeenOrigin[]): string[] => seen.filter((o) => o.allowed).map((o) => o.origin);
