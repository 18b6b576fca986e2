/** What the owner asked for in a text message to the Beckon number. */
export type OwnerSmsCommand =
  | { command: "help" }
  | { command: "done"; ref: string | null }
  | { command: "call"; ref: string | null }
  | { command: "reply"; ref: string | null; text: string };

const REF = /^#(\d{1,9})\b[\s:,.-]*/;

/**
 * Reads an owner's SMS: `HELP`, `DONE [#ref]`, `CALL [#ref]`, or anything else as a reply, optionally
 * led by `#ref` to pick the request. Commands are single words so an ordinary answer that starts with
 * "Done" in a sentence ("Done! Your order ships today") is still a reply.
 */
export function parseOwnerSms(body: string): OwnerSmsCommand {
  const text = body.trim();
  const word = /^(help|done|call)(?:\s+#(\d{1,9}))?[\s.!]*$/i.exec(text);
  if (word) {
    const command = word[1]!.toLowerCase() as "help" | "done" | "call";
    return command === "help" ? { command } : { command, ref: word[2] ?? null };
  }
  const ref = REF.exec(text);
  if (ref) return { command: "reply", ref: ref[1]!, text: text.slice(ref[0].length).trim() };
  return { command: "reply", ref: null, text };
}

/** The answer to HELP: short enough for one SMS segment or two. */
export const OWNER_SMS_HELP =
  "Beckon: reply to an alert to answer that shopper (chat, email) or note it (call-backs). Start with #12 to pick request 12. CALL rings you, then them. DONE closes it. HELP: this.";
