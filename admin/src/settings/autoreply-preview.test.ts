import { describe, expect, it } from "vitest";
import { DEFAULT_AUTOREPLY_BODY, DEFAULT_AUTOREPLY_SUBJECT } from "@beckon/contract/autoreply";
import { renderReply, sampleViews } from "./autoreply-preview.ts";
import type { MessageField } from "./types.ts";

const fields: MessageField[] = [
  { id: "order", label: "Order number", type: "text", options: [], required: false },
  { id: "size", label: "Size", type: "choice", options: ["Small", "Large"], required: true },
];
const views = sampleViews({ siteName: "Fern & Thistle", ownerFirstName: "Mara", replyWithinHours: 2, messageFields: fields });

describe("auto-reply preview", () => {
  it("renders the default template for a first-time and a returning shopper", () => {
    const first = renderReply({ subject: DEFAULT_AUTOREPLY_SUBJECT, body: DEFAULT_AUTOREPLY_BODY }, fields, views.first);
    expect(first).toMatchObject({ subject: "We got your message: Gift wrapping" });
    if (!("body" in first)) throw new Error("expected a rendering");
    expect(first.body).toMatch(/^Hi Sam,/);
    expect(first.body).toContain("Mara reads every message and will answer within 2 hours.");
    const again = renderReply({ subject: DEFAULT_AUTOREPLY_SUBJECT, body: DEFAULT_AUTOREPLY_BODY }, fields, views.returning);
    expect("body" in again && again.body).toMatch(/^Good to hear from you again, Alex!/);
  });

  it("fills extra fields and keeps values as text (no HTML escaping, never re-read as a template)", () => {
    const out = renderReply({ subject: "{{siteName}}", body: "{{fields.size}} / {{fields.order}}" }, fields, views.first);
    expect(out).toEqual({ subject: "Fern & Thistle", body: "Small / A sample answer" });
  });

  it("reports the same problems the server refuses to save", () => {
    expect(renderReply({ subject: "Hi", body: "{{nope}}" }, fields, views.first)).toMatchObject({ problem: expect.stringMatching(/Unknown variable \{\{nope\}\}/) });
    expect(renderReply({ subject: "{{#returning}}", body: "x" }, fields, views.first)).toMatchObject({ problem: expect.stringMatching(/mistake/) });
  });

  it("says who answers when the owner gave no first name", () => {
    const anon = sampleViews({ siteName: "Shop", ownerFirstName: null, replyWithinHours: 1, messageFields: [] });
    expect(anon.first.ownerName).toBe("The Shop team");
    expect(anon.first.replyTime).toBe("within 1 hour");
  });
});
