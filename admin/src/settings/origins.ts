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
    .map(([m, message]) => `Line ${Number(m![1]) + 1}: ${message}`);
}
