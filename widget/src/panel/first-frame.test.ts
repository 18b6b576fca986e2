// @vitest-environment happy-dom
// The click that opens the panel waits for its first frame, and a page's first Intl formatter (dates,
// numbers, country names) costs 40-600 ms in Chromium: so importing the panel and drawing the call-back
// form builds none; the times and country names come with the next draw, once the formatters exist.
import { html } from "htm/preact";
import { render } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { WidgetConfig } from "../panel-host.ts";

const built: string[] = [];
for (const name of ["DateTimeFormat", "NumberFormat", "DisplayNames"] as const) {
  const Real = Intl[name] as unknown as new (...args: unknown[]) => object;
  vi.spyOn(Intl, name).mockImplementation(function (...args: unknown[]) {
    built.push(name);
    return new Real(...args);
  } as never);
}
afterEach(() => void (document.body.innerHTML = ""));

const config = {
  site: "demo",
  locale: "en",
  words: {},
  country: "GB",
  trust: [],
  name: "Fern & Thistle",
  launcherLabel: "Contact us",
  greeting: null,
  owner: null,
  accent: "#1f6f5c",
  position: "right",
  channels: [{ id: "callback", label: "" }],
  availability: { openNow: false, nextOpenAt: "2030-01-07T14:00:00.000Z", awayUntil: null, awayMessage: null, chatLive: false },
  consent: { privacy: "", callback: { required: false, text: "" }, message: { required: false, text: "" }, chat: { required: false, text: "" } },
  callback: { slots: ["2030-01-07T14:00:00.000Z"] },
  message: { fields: [], replyWithinHours: 2 },
} as unknown as WidgetConfig;

describe("the panel's first frame", () => {
  it("builds no Intl formatter; the next draw, after warmFormatters, shows the time and the country's name", async () => {
    const { App } = await import("./ui/app.ts");
    const { useCatalog } = await import("./i18n/translate.ts");
    const { warmFormatters } = await import("./format.ts");
    const en = (await import("../../locales/en.json", { with: { type: "json" } })).default;
    useCatalog("en", "en-US", en);
    const view = { open() {}, close() {}, toggle() {}, show() {}, prefer() {}, attach: () => false };
    const root = document.body.appendChild(document.createElement("div"));
    const draw = () =>
      render(
        html`<${App} config=${config} state=${{ open: true, channel: "callback" }} view=${view} sheet=${false} round=${0}
          send=${async () => ({ ok: false, status: 0 })} chat=${null} unread=${0} onSubmitted=${() => {}} onDone=${() => {}} />`,
        root,
      );
    draw();
    expect(root.querySelector("#beckon-name")).not.toBeNull();
    expect(built).toEqual([]);
    expect(root.querySelector(".muted")?.textContent).toBe("Closed now.");
    expect(root.querySelector("#beckon-country option")?.textContent).toBe("US"); // the country of the browser's language (en-US), by its code, no flag yet

    warmFormatters();
    draw();
    expect(root.querySelector(".muted")?.textContent).toMatch(/^Closed now\. Back .+\.$/);
    expect(root.querySelector("#beckon-country option")?.textContent).toContain("United States");
  });
});
