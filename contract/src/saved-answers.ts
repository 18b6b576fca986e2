// Saved answers (issue #15): the placeholders an owner may use and how they are filled. Shared: the
// server checks and fills them (SMS `#12 /hours`), the reply box's picker fills them with the same code.

/** The placeholders a saved answer may use. */
export const SAVED_ANSWER_PLACEHOLDERS = ["first_name", "shop", "ref"] as const;
export type SavedAnswerValues = { first_name: string; shop: string; ref: string };

/** What the owner types after `/`: lower-case letters, digits and dashes, starting with a letter or digit. */
export const SHORTCUT_PATTERN = /^[a-z0-9][a-z0-9-]{0,29}$/;

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/** The placeholders in `body` that are not ours, each once, for a clear refusal. */
export function unknownPlaceholders(body: string): string[] {
  const known = new Set<string>(SAVED_ANSWER_PLACEHOLDERS);
  const unknown = [...body.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !known.has(name));
  return [...new Set(unknown)];
}

/** The shopper's first name from the name they gave ("Jane Doe" → "Jane"), or "" when none. */
export function firstNameOf(name: string | null | undefined): string {
  return (name ?? "").trim().split(/\s+/)[0] ?? "";
}

/**
 * The answer with its placeholders filled. An empty first name leaves no stray blank before
 * punctuation ("Hi {first_name}," → "Hi,").
 */
export function fillSavedAnswer(body: string, values: SavedAnswerValues): string {
  return body
    .replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as keyof SavedAnswerValues] : whole))
    .replace(/ +([,.!?;:])/g, "$1");
}
