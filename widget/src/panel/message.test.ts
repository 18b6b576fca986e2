import { describe, expect, it } from "vitest";
import type { MessageField } from "../panel-host.ts";
import { checkMessage, emptyMessage, messageBody } from "./message.ts";

const extras: MessageField[] = [
  { id: "order", label: "Order number", type: "text", options: [], required: true },
  { id: "size", label: "Pot size", type: "choice", options: ["Small", "Large"], required: true },
  { id: "gift", label: "It's a gift", type: "checkbox", options: [], required: false },
  { id: "terms", label: "I have read the care guide", type: "checkbox", options: [], required: true },
];
const filled = { ...emptyMessage(), name: " Jane Doe ", email: " Jane@Example.com ", message: " Is it pet safe? " };

describe("checkMessage", () => {
  it("asks for the required fields only, keying extra fields as the server does", () => {
    expect(checkMessage(emptyMessage(), [], false)).toEqual({
      name: "Tell us your name.",
      email: "Enter your email address.",
      message: "Write your message.",
    });
    expect(checkMessage(filled, [], false)).toEqual({});
    expect(checkMessage(filled, extras, true)).toEqual({
      "fields.order": 'Please fill in "Order number".',
      "fields.size": 'Choose an option for "Pot size".',
      "fields.terms": 'Please tick "I have read the care guide".',
      consent: "Please tick the box so we may answer you.",
    });
    expect(checkMessage({ ...filled, fields: { order: " 1042 ", size: "Small", terms: true } }, extras, false)).toEqual({});
  });

  it("leaves the email's format to the server", () => {
    expect(checkMessage({ ...filled, email: "jane@" }, [], false)).toEqual({});
  });
});

describe("messageBody", () => {
  it("sends what the contract asks for, trimmed, with the honeypot as `company` and the shopper's time zone", () => {
    expect(messageBody(filled, [], false)).toEqual({ name: "Jane Doe", email: "Jane@Example.com", message: "Is it pet safe?", fields: {}, company: "" });
    const values = { ...filled, topic: " Cats ", consent: true, company: "Bot Ltd", fields: { order: " 1042 ", size: "", terms: true, stray: "x" } };
    expect(messageBody(values, extras, true, "Europe/London")).toEqual({
      name: "Jane Doe",
      email: "Jane@Example.com",
      topic: "Cats",
      message: "Is it pet safe?",
      fields: { order: "1042", gift: false, terms: true },
      consent: true,
      timeZone: "Europe/London",
      company: "Bot Ltd",
    });
  });
});
