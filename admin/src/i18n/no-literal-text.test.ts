// Every word the owner app shows comes from the catalog (en.ts through t()): a static check over the
// html`` templates in admin/src. Text between tags, and the attributes people read (label, hint, title,
// aria-label, placeholder, alt…), may hold markup, punctuation and ${…}, but no letters of their own.
// Code samples inside <code> are left alone. The pseudo-locale e2e (e2e/specs/owner-text.spec.ts)
// checks what actually renders, strings built outside templates included.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("..", import.meta.url));
const READ_ATTRIBUTES = ["label", "hint", "title", "aria-label", "placeholder", "alt", "intro", "aria-description", "summary"];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

/** The static parts of every html`` template in `code` (expressions replaced by "\u0000"), nested ones too. */
export function templates(code: string): string[] {
  const found: string[] = [];
  const scan = (from: number, inTemplate: boolean): [number, string] => {
    // Walks from `from`; in a template, collects its static text until the closing backtick.
    let text = "";
    let i = from;
    while (i < code.length) {
      const ch = code[i]!;
      if (inTemplate) {
        if (ch === "\\") {
          text += code.slice(i, i + 2);
          i += 2;
        } else if (ch === "`") return [i + 1, text];
        else if (ch === "$" && code[i + 1] === "{") {
          text += "\u0000";
          i = expression(i + 2);
        } else {
          text += ch;
          i++;
        }
      } else i++;
    }
    return [i, text];
  };
  // Skips an expression up to its closing brace, collecting any html`` inside it.
  const expression = (from: number): number => {
    let depth = 1;
    let i = from;
    while (i < code.length && depth > 0) {
      const ch = code[i]!;
      if (code.startsWith("html`", i)) {
        const [end, text] = scan(i + 5, true);
        found.push(text);
        i = end;
      } else if (ch === "`") {
        const [end] = scan(i + 1, true); // a plain template literal: skipped, its expressions still scanned
        i = end;
      } else if (ch === '"' || ch === "'") {
        i++;
        while (i < code.length && code[i] !== ch) i += code[i] === "\\" ? 2 : 1;
        i++;
      } else {
        if (ch === "{") depth++;
        if (ch === "}") depth--;
        i++;
      }
    }
    return i;
  };
  for (let i = code.indexOf("html`"); i >= 0; i = code.indexOf("html`", i)) {
    const [end, text] = scan(i + 5, true);
    found.push(text);
    i = end;
  }
  return found;
}

const LETTER = /\p{L}/u;

/** The English a template shows on its own: text between tags and readable attribute values. */
export function literalText(template: string): string[] {
  const out: string[] = [];
  const withoutCode = template.replace(/<code[^>]*>[^<]*<\/code>/g, "");
  for (const m of withoutCode.matchAll(/<[^>]*>/g)) {
    for (const a of m[0].matchAll(/([\w-]+)=(?:"([^"]*)"|'([^']*)')/g)) {
      const value = a[2] ?? a[3] ?? "";
      if (READ_ATTRIBUTES.includes(a[1]!) && LETTER.test(value.replace(/\u0000/g, ""))) out.push(`${a[1]}="${value}"`);
    }
  }
  for (const piece of withoutCode.replace(/<[^>]*>/g, "\u0001").split(/[\u0000\u0001]/)) {
    if (LETTER.test(piece)) out.push(piece.trim());
  }
  return out;
}

describe("owner app text", () => {
  it("finds literal words in a template, but not code samples, markup or expressions", () => {
    const code = 'html`<p title="Hi">${t("x")} <code>Beckon(\'open\')</code> <b>Hello</b> ${html`<i>${x} there</i>`}</p>`';
    expect(templates(code).flatMap(literalText).sort()).toEqual(["Hello", "there", 'title="Hi"']);
  });

  it("has no literal words in any html`` template", () => {
    const problems: string[] = [];
    for (const file of files(SRC)) {
      for (const template of templates(readFileSync(file, "utf8"))) {
        for (const text of literalText(template)) problems.push(`${relative(SRC, file)}: ${text}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
