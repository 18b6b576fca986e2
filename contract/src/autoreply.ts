// The owner's automatic reply to a message: the template language (Mustache, no partials), its checks and
// its rendering. Shared: the server sends it, the settings page previews it with the same code.
import Mustache from "mustache";
import type { MessageField } from "./config.ts";

export const DEFAULT_AUTOREPLY_SUBJECT = "We got your message{{#topic}}: {{topic}}{{/topic}}";
export const DEFAULT_AUTOREPLY_BODY = `{{#returning}}Good to hear from you again, {{firstName}}!{{/returning}}{{^returning}}Hi {{firstName}},{{/returning}}

Thanks for writing to {{siteName}}. {{ownerName}} reads every message and will answer {{replyTime}}.

If there's anything to add, just reply to this email.

{{ownerName}}`;

/** The values a template may use; shopper input arrives here as plain data and is never parsed as a template. */
export type AutoReplyView = {
  firstName: string;
  name: string;
  topic: string;
  ownerName: string;
  siteName: string;
  replyTime: string;
  returning: boolean;
  fields: Record<string, string>;
};

const BASE_VARIABLES = ["firstName", "name", "topic", "ownerName", "siteName", "replyTime", "returning"];

/** Names a template may use: the base ones and `fields.<id>` for each extra field. */
export function templateVariables(fields: MessageField[]): string[] {
  return [...BASE_VARIABLES, ...fields.map((f) => `fields.${f.id}`)];
}

/**
 * Checks an owner's template: well-formed, and only known variables (no partials). Returns a message
 * for the settings page, or undefined when it is fine.
 */
export function templateProblem(template: string, fields: MessageField[]): string | undefined {
  const allowed = new Set(templateVariables(fields));
  let tokens: ReturnType<typeof Mustache.parse>;
  try {
    tokens = Mustache.parse(template);
  } catch (err) {
    return `The template has a mistake: ${(err as Error).message}`;
  }
  const walk = (list: typeof tokens): string | undefined => {
    for (const token of list) {
      const [type, name, , , children] = token as unknown as [string, string, number, number, typeof tokens | undefined];
      if (type === ">") return "Partials ({{> …}}) are not supported.";
      if (type !== "text" && !allowed.has(name)) return `Unknown variable {{${name}}}. You can use: ${[...allowed].map((v) => `{{${v}}}`).join(", ")}.`;
      if (children) {
        const inner = walk(children);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  return walk(tokens);
}

/** Renders a template to plain text: values are inserted as they are and never re-read as template syntax. */
export function renderText(template: string, view: AutoReplyView): string {
  return Mustache.render(template, view, {}, { escape: (value: unknown) => String(value) }).trim();
}

const htmlEscapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
/** Text made safe to put in HTML, between tags or in a quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);

/** Plain text as simple HTML: every character escaped, blank lines as paragraphs, no images or links. */
export function textToHtml(text: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs}\n</body></html>`;
}

/** The view for a shopper's message. */
export function autoReplyView(input: {
  name: string;
  topic: string | undefined;
  fields: Record<string, string>;
  returning: boolean;
  siteName: string;
  settings: { ownerFirstName: string | null };
  replyTime: string;
  /** "The Fern team" in the shopper's language, when the owner left no first name (English otherwise). */
  teamName?: string;
}): AutoReplyView {
  return {
    firstName: input.name.trim().split(/\s+/)[0] ?? input.name,
    name: input.name,
    topic: input.topic ?? "",
    ownerName: input.settings.ownerFirstName ?? input.teamName ?? `The ${input.siteName} team`,
    siteName: input.siteName,
    replyTime: input.replyTime,
    returning: input.returning,
    fields: input.fields,
  };
}
