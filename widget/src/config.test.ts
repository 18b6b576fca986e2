import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";

const contract = {
  site: "demo",
  name: "Fern & Thistle",
  launcherLabel: "Contact us",
  greeting: "Hi! We're a two-person shop. Ask us anything.",
  accent: "#1f6f5c",
  position: "right",
  channels: [{ id: "callback", label: "Call me back" }],
  availability: { openNow: true, nextOpenAt: null, awayUntil: null, awayMessage: null },
  consent: { text: "We'll only use your number to return this call.", required: false },
  callback: { slots: ["2026-11-23T14:00:00.000Z", "2026-11-23T14:30:00.000Z"] },
};

describe("parseConfig", () => {
  it("accepts the server's contract as is", () => {
    expect(parseConfig(contract)).toEqual(contract);
  });

  it("skips channels this build does not know, and has nothing to show without one", () => {
    const channels = [{ id: "chat", label: "Chat" }, { id: "callback" }, null];
    expect(parseConfig({ ...contract, channels })?.channels).toEqual([{ id: "callback", label: "Call me back" }]);
    expect(parseConfig({ ...contract, channels: [{ id: "message", label: "Message us" }] })).toBeNull();
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
    });
    expect(config).toMatchObject({
      accent: "#1f6f5c",
      position: "right",
      launcherLabel: "Contact us",
      availability: { openNow: false, nextOpenAt: null, awayUntil: null, awayMessage: null },
      callback: { slots: ["2026-11-23T14:00:00.000Z"] },
    });
  });

  it("rejects what is not a config at all", () => {
    expect(parseConfig(null)).toBeNull();
    expect(parseConfig("<html>")).toBeNull();
  });
});
