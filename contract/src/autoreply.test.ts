import { describe, expect, it } from "vitest";
import { DEFAULT_AUTOREPLY_BODY, DEFAULT_AUTOREPLY_SUBJECT, autoReplyView, renderText, templateProblem, textToHtml } from "./autoreply.ts";

const view = (over: Partial<Parameters<typeof autoReplyView>[0]> = {}) =>
  autoReplyView({
    name: "Jane Doe",
    topic: "Repotting",
    fields: { order_number: "1234" },
    returning: false,
    siteName: "Fern & Thistle",
    settings: { ownerFirstName: "Mara" },
    replyTime: "within 2 hours",
    ...over,
  });

describe("auto-reply templates", () => {
  it("is personal for a first-time and for a returning shopper", () => {
    expect(renderText(DEFAULT_AUTOREPLY_BODY, view())).toMatch(/^Hi Jane,\n\nThanks for writing to Fern & Thistle\. Mara reads every message and will answer within 2 hours\./);
    expect(renderText(DEFAULT_AUTOREPLY_BODY, view({ returning: true }))).toMatch(/^Good to hear from you again, Jane!/);
    expect(renderText(DEFAULT_AUTOREPLY_SUBJECT, view())).toBe("We got your message: Repotting");
    expect(renderText(DEFAULT_AUTOREPLY_SUBJECT, view({ topic: undefined }))).toBe("We got your message");
    expect(renderText("Order {{fields.order_number}}", view())).toBe("Order 1234");
  });

  it("keeps template syntax and HTML typed by a shopper inert", () => {
    const evil = view({ name: "{{ownerName}} <img src=x onerror=alert(1)>", topic: "{{#returning}}x{{/returning}}" });
    const text = renderText("Hi {{name}}: {{topic}}", evil);
    expect(text).toBe("Hi {{ownerName}} <img src=x onerror=alert(1)>: {{#returning}}x{{/returning}}");
    const html = textToHtml(text);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("rejects unknown variables, partials and broken templates with a message", () => {
    const fields = [{ id: "order_number", label: "Order", type: "text" as const, options: [], required: false }];
    expect(templateProblem(DEFAULT_AUTOREPLY_BODY, fields)).toBeUndefined();
    expect(templateProblem("{{fields.order_number}}", fields)).toBeUndefined();
    expect(templateProblem("{{password}}", fields)).toMatch(/Unknown variable \{\{password\}\}/);
    expect(templateProblem("{{> header}}", fields)).toMatch(/Partials/);
    expect(templateProblem("{{#returning}}unclosed", fields)).toMatch(/mistake/);
  });
});
