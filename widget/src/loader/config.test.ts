import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";

const contract = {
  site: "demo",
  name: "Fern & Thistle",
  launcherLabel: "Contact us",
  greeting: "Hi! We're a two-person shop. Ask us anything.",
  owner: { firstName: "Rosa", photoUrl: "https://beckon.example/api/v1/sites/demo/photo?v=1", trustLine: "I answer every message myself." },
  accent: "#1f6f5c",
  position: "right",
  channels: [
    { id: "callback", label: "Call me back" },
    { id: "message", label: "Send a message" },
    { id: "chat", label: "Chat with us" },
  ],
  availability: { openNow: true, nextOpenAt: null, awayUntil: null, awayMessage: null, chatLive: false },
  consent: {
    privacy: "We only use what you send us to answer you.",
    callback: { required: true, text: "You may call and text me about this request." },
    message: { required: false, text: "You may email me about this message." },
    chat: { required: false, text: "You may keep this chat and email me the answers." },
  },
  callback: { slots: ["2026-11-23T14:00:00.000Z", "2026-11-23T14:30:00.000Z"] },
  message: {
    fields: [
      { id: "order", label: "Order number", type: "text", options: [], required: false },
      { id: "size", label: "Pot size", type: "choice", options: ["Small", "Large"], required: true },
      { id: "gift", label: "It's a gift", type: "checkbox", options: [], required: false },
    ],
    replyWithinHours: 2,
  },
};

describe("parseConfig", () => {
  it("accepts the server's contract as is", () => {
    expect(parseConfig(contract)).toEqual(contract);
  });

  it("skips channels this build does not know, and has nothing to show without one", () => {
    const channels = [{ id: "video", label: "Video call" }, { id: "callback" }, null, { id: "message", label: "Message us" }, { id: "chat" }];
    expect(parseConfig({ ...contract, channels })?.channels).toEqual([
      { id: "callback", label: "Call me back" },
      { id: "message", label: "Message us" },
      { id: "chat", label: "Chat with us" },
    ]);
    expect(parseConfig({ ...contract, channels: [{ id: "video", label: "Video" }] })).toBeNull();
    expect(parseConfig({ ...contract, channels: [{ id: "constructor" }] })).toBeNull();
  });

  it("falls back safely on bad values", () => {
    const config = parseConfig({
      ...contract,
      accent: "red; background:url(x)",
      position: "top",
      launcherLabel: 7,
      availability: { openNow: "yes", nextOpenAt: "soon", awayUntil: 12 },
      callback: { slots: ["2026-11-23T14:00:00.000Z", "never", 3] },
      owner: { firstName: null, photoUrl: "javascript:alert(1)", trustLine: 3 },
      message: {
        fields: [
          { id: "Bad Id", label: "x", type: "text" },
          { id: "size", label: "Pot size", type: "choice", options: [] },
          { id: "note", label: "Note", type: "textarea" },
          { id: "ok", label: "Fine", type: "text", required: "yes" },
          null,
        ],
        replyWithinHours: -1,
      },
    });
    expect(config).toMatchObject({
      accent: "#1f6f5c",
      position: "right",
      launcherLabel: "Contact us",
      availability: { openNow: false, nextOpenAt: null, awayUntil: null, awayMessage: null, chatLive: false },
      callback: { slots: ["2026-11-23T14:00:00.000Z"] },
      owner: { firstName: "", photoUrl: "", trustLine: "" },
      message: { fields: [{ id: "ok", label: "Fine", type: "text", options: [], required: false }], replyWithinHours: 0 },
    });
    expect(parseConfig({ ...contract, owner: null, message: undefined })).toMatchObject({ owner: null, message: { fields: [], replyWithinHours: 0 } });
  });

  it("reads consent per channel: a channel without its own consent, or without wording, needs no tick", () => {
    const config = parseConfig({ ...contract, consent: { privacy: "Private.", callback: { required: true, text: "" }, message: { required: true, text: "You may email me." } } });
    expect(config?.consent).toEqual({
      privacy: "Private.",
      callback: { required: false, text: "" },
      message: { required: true, text: "You may email me." },
      chat: { required: false, text: "" },
    });
    // The shape before consent was per channel: nothing is forced on any channel.
    expect(parseConfig({ ...contract, consent: { text: "I agree", required: true } })?.consent.message.required).toBe(false);
  });

  it("rejects what is not a config at all", () => {
    expect(parseConfig(null)).toBeNull();
    expect(parseConfig("<html>")).toBeNull();
  });
});
