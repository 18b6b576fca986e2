// What an SMS costs: GSM-7 when every character is in the GSM 03.38 set (160 a segment, 153 when split;
// the extension characters take two septets), otherwise UCS-2 for the whole message (70 a segment, 67
// when split, counted in UTF-16 units, so an emoji takes two). Twilio picks the encoding itself from the
// text we give it, unchanged: we only count, and shorten to the budget.

const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM7_EXTENSION = new Set("^{}\\[~]|€\f");

export type SmsEncoding = "GSM-7" | "UCS-2";

/** Two segments, whichever the encoding: 2 × 153 septets, or 2 × 67 UCS-2 characters. */
export const SMS_BUDGET: Record<SmsEncoding, number> = { "GSM-7": 306, "UCS-2": 134 };

/** GSM-7 when it can carry every character, else UCS-2. */
export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!GSM7_BASIC.has(ch) && !GSM7_EXTENSION.has(ch)) return "UCS-2";
  return "GSM-7";
}

/** The length that counts against the budget: septets in GSM-7 (extension characters are two), UTF-16 units in UCS-2. */
export function smsUnits(text: string, encoding = smsEncoding(text)): number {
  if (encoding === "UCS-2") return text.length;
  let units = 0;
  for (const ch of text) units += GSM7_EXTENSION.has(ch) ? 2 : 1;
  return units;
}

/** How many segments the text is billed as. */
export function smsSegments(text: string): number {
  const encoding = smsEncoding(text);
  const units = smsUnits(text, encoding);
  const [single, part] = encoding === "GSM-7" ? [160, 153] : [70, 67];
  return units <= single ? 1 : Math.ceil(units / part);
}

/** Whether the text fits two segments. */
export function fitsSms(text: string): boolean {
  return smsUnits(text) <= SMS_BUDGET[smsEncoding(text)];
}

// Typographic punctuation with a plain GSM-7 twin: swapping them keeps a Latin text in GSM-7 and loses nothing.
const TYPOGRAPHIC: Record<string, string> = { "‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "…": "...", "\u00a0": " ", "\t": " " };

/** One line of someone's words for an SMS: whitespace collapsed, typographic quotes and dashes made plain; every letter kept. */
export function smsLine(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[‘’‚“”„–—…\u00a0\t]/g, (ch) => TYPOGRAPHIC[ch]!)
    .replace(/\s+/g, " ")
    .trim();
}

/** The text cut to at most `units` (in the given encoding) on a character boundary, with an ellipsis when cut. */
export function cutTo(text: string, units: number, encoding: SmsEncoding): string {
  if (smsUnits(text, encoding) <= units) return text;
  const ellipsis = encoding === "GSM-7" ? "..." : "…";
  let out = "";
  let used = smsUnits(ellipsis, encoding);
  for (const ch of text) {
    const cost = smsUnits(ch, encoding);
    if (used + cost > units) break;
    out += ch;
    used += cost;
  }
  return `${out.trimEnd()}${ellipsis}`;
}
