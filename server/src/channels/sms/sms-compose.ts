import { cutTo, fitsSms, SMS_BUDGET, smsEncoding, smsUnits, type SmsEncoding } from "./sms-encoding.ts";

/**
 * One line of an SMS. `quote`: the shopper's own words, shown in quotes and the one part that is
 * shortened. `drop`: a line that may go, lowest number first, when the quote would otherwise be left
 * with too little room (the name and the ref are never in such a line).
 */
export type SmsPart = { text: string; quote?: boolean; drop?: number };

// Below this the quote is not worth keeping: droppable lines go first to make room for it.
const MIN_QUOTE: Record<SmsEncoding, number> = { "GSM-7": 10, "UCS-2": 24 };

const render = (p: SmsPart) => (p.quote ? `"${p.text}"` : p.text);

/**
 * Joins the parts line by line within two segments of whatever encoding the text needs (306 GSM-7
 * septets, or 134 UCS-2 characters when any character is outside GSM-7): every letter is kept as typed,
 * and only the quote is shortened, with an ellipsis.
 */
export function composeSms(parts: SmsPart[]): string {
  let kept = parts.filter((p) => p.text);
  const full = kept.map(render).join("\n");
  if (fitsSms(full)) return full;
  const encoding = smsEncoding(full);
  const budget = SMS_BUDGET[encoding];
  const droppable = kept.filter((p) => p.drop !== undefined).sort((a, b) => a.drop! - b.drop!);
  const drop = (part: SmsPart) => void (kept = kept.filter((p) => p !== part));
  const quote = kept.find((p) => p.quote);
  const rest = () => kept.filter((p) => !p.quote).map(render).join("\n");
  const room = () => budget - smsUnits(rest(), encoding) - 3; // its newline and two quote marks

  if (quote) {
    while (room() < MIN_QUOTE[encoding] && droppable.length) drop(droppable.shift()!);
    if (room() < MIN_QUOTE[encoding]) drop(quote);
    else kept = kept.map((p) => (p === quote ? { ...p, text: cutTo(p.text, room(), encoding) } : p));
  }
  let text = kept.map(render).join("\n");
  while (!fitsSms(text) && droppable.length) {
    drop(droppable.shift()!);
    text = kept.map(render).join("\n");
  }
  // Only a PUBLIC_URL or shop name of absurd length gets here.
  return fitsSms(text) ? text : cutTo(text, budget, encoding);
}
