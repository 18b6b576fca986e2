/** What the owner asked for in a text message to the Beckon number. */
export type OwnerSmsCommand =
  | { command: "help" }
  | { command: "done"; ref: string | null }
  | { command: "call"; ref: string | null }
  | { command: "reply"; ref: string | null; text: string }
  | { command: "answer"; ref: string | null; shortcut: string };

/** `/hours` alone: a saved answer by its shortcut (see answers/saved-answers.ts). */
const SHORTCUT = /^\/([a-z0-9][a-z0-9-]{0,29})[\s.!]*$/i;

const REF = /^#(\d{1,9})\b[\s:,.-]*/;

/**
 * Reads an owner's SMS: `HELP`, `DONE [#ref]`, `CALL [#ref]`, or anything else as a reply, optionally
 * led by `#ref` to pick the request. Commands are single words so an ordinary answer that starts with
 * "Done" in a sentence ("Done! Your order ships today") is still a reply. `[#ref] /hours` sends the
 * site's saved answer "hours".
 */
export function parseOwnerSms(body: string): OwnerSmsCommand {
  const text = body.trim();
  const word = /^(help|done|call)(?:\s+#(\d{1,9}))?[\s.!]*$/i.exec(text);
  if (word) {
    const command = word[1]!.toLowerCase() as "help" | "done" | "call";
    return command === "help" ? { command } : { command, ref: word[2] ?? null };
  }
  const ref = REF.exec(text);
  const rest = ref ? text.slice(ref[0].length).trim() : text;
  const shortcut = SHORTCUT.exec(rest);
  if (shortcut) return { command: "answer", ref: ref?.[1] ?? null, shortcut: shortcut[1]!.toLowerCase() };
  return { command: "reply", ref: ref?.[1] ?? null, text: rest };
}

/** The answer to HELP: short enough for one SMS segment or two. */
export const OWNER_SMS_HELP =
  "Beckon: reply to an alert to answer that shopper (chat, email) or note it (call-backs). Start with #12 to pick request 12; #12 /hours sends saved answer hours. CALL rings you, then them. DONE closes it. HELP: this.";
