// @vitest-environment happy-dom
// No user-facing string bypasses the catalog: every view of the panel is rendered with a pseudo-locale
// that wraps each message in ⟦…⟧, and whatever text or label is left outside the brackets must be the
// shop's own data (its name, greeting, consent wording…) or Intl's (dates, country names).
import { html } from "htm/preact";
import { render } from "preact";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ChatSession, ChatState } from "../chat-session.ts";
import { noProblem } from "../form.ts";
import { formatTime, formatWhen } from "../format.ts";
import type { Send, WidgetConfig } from "../../panel-host.ts";
import { App } from "../ui/app.ts";
import en from "../../../locales/en.json" with { type: "json" };
import { useCatalog, type Catalog } from "./translate.ts";

const wrap = (m: string) => `⟦${m}⟧`;
const pseudo: Catalog = Object.fromEntries(
  Object.entries(en as Catalog).map(([k, m]) => [k, typeof m === "string" ? wrap(m) : Object.fromEntries(Object.entries(m).map(([c, s]) => [c, wrap(s)]))]),
);

const slots = ["2026-11-23T14:00:00.000Z", "2026-11-23T14:30:00.000Z"];
const config: WidgetConfig = {
  site: "demo",
  locale: "en",
  words: {},
  country: "US",
  trust: [],
  name: "Fern & Thistle",
  launcherLabel: "Contact us",
  greeting: "Hi! Ask us anything.",
  owner: { firstName: "Rosa", photoUrl: "https://beckon.example/photo", trustLine: "I answer every message myself." },
  accent: "#1f6f5c",
  position: "right",
  channels: [{ id: "callback", label: "" }, { id: "message", label: "" }, { id: "chat", label: "" }],
  availability: { openNow: false, nextOpenAt: "2026-11-24T14:00:00.000Z", awayUntil: "2026-11-24T00:00:00.000Z", awayMessage: null, chatLive: false },
  consent: {
    privacy: "We only use what you send us to answer you.",
    callback: { required: true, text: "You may call me about this request." },
    message: { required: true, text: "You may email me about this message." },
    chat: { required: true, text: "You may keep this chat." },
  },
  callback: { slots },
  message: {
    fields: [
      { id: "order", label: "Order number", type: "text", options: [], required: true },
      { id: "size", label: "Pot size", type: "choice", options: ["Small", "Large"], required: true },
      { id: "gift", label: "It's a gift", type: "checkbox", options: [], required: true },
    ],
    replyWithinHours: 2,
  },
};

// Data the shop (or the shopper, or Intl) wrote: allowed outside the brackets.
const data = [
  config.name,
  config.greeting,
  config.owner!.firstName,
  config.owner!.trustLine,
  config.consent.privacy,
  config.consent.callback.text,
  config.consent.message.text,
  config.consent.chat.text,
  ...config.message.fields.flatMap((f) => [f.label, ...f.options]),
  ...slots.map((s) => formatWhen(s)),
  "Jane Doe",
  "jane@example.com",
  "Is the fern pet-safe?",
  "Yes!",
  new Intl.DisplayNames(["en"], { type: "region" }).of("US")!,
];

/** Text and labels left outside the catalog's brackets, once the shop's data is taken out. */
function bare(root: Element): string[] {
  const strip = (text: string) => {
    // Innermost first: a message may hold another ("try again ⟦in 2 minutes⟧").
    let rest = text;
    while (/⟦[^⟦⟧]*⟧/.test(rest)) rest = rest.replace(/⟦[^⟦⟧]*⟧/g, " ");
    for (const d of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(" ");
    // Numbers, times, flags and punctuation between messages carry no words.
    return rest.replace(/[\s\d:.,·+()×\u{1F1E6}-\u{1F1FF}-]+/gu, "");
  };
  const found = [strip(root.textContent ?? "")];
  for (const el of root.querySelectorAll("*")) for (const name of ["aria-label", "alt", "title", "placeholder"]) found.push(strip(el.getAttribute(name) ?? ""));
  return found.filter(Boolean);
}

const container = () => document.body.appendChild(document.createElement("div"));
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
const view = { open() {}, close() {}, toggle() {}, show() {}, prefer() {}, attach: () => false };
const draw = (root: Element, props: { channel: string | null; send?: Send; chat?: ChatSession | null; unread?: number; config?: WidgetConfig }) =>
  render(
    html`<${App} config=${props.config ?? config} state=${{ open: true, channel: props.channel }} view=${view} sheet=${false} round=${0}
      send=${props.send ?? (async () => ({ ok: false, status: 0, error: { code: "network", message: "offline" } }))}
      chat=${props.chat ?? null} unread=${props.unread ?? 0} onSubmitted=${() => {}} onDone=${() => {}} />`,
    root,
  );
/** A `send` that answers 201 with `data`. */
const answer = (data: object) => (async () => ({ ok: true, status: 201, data })) as unknown as Send;
const submit = async (root: Element) => {
  await settle(); // what was typed reaches the form's state on the next render
  root.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true, bubbles: true }));
  await settle();
};
const tick = (root: Element, selector: string) => {
  const box = root.querySelector<HTMLInputElement>(selector)!;
  box.checked = true;
  box.dispatchEvent(new Event("change", { bubbles: true }));
};
const type = (root: Element, selector: string, value: string) => {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
};

function chatSession(state: Partial<ChatState>): ChatSession {
  const full: ChatState = { started: false, lines: [], email: null, ownerAvailable: false, startedAt: 0, busy: false, problem: noProblem, ...state };
  return { state: full, unread: 0, subscribe: () => () => {}, resume: async () => {}, start: async () => false, say: async () => {}, retry: async () => {}, leaveEmail: async () => null, attach: async () => {}, file: (id: string) => `/f/${id}`, setVisible() {}, typing() {}, act: async () => ({ ok: true as const, status: 200, data: {} as never }) };
}

beforeAll(() => useCatalog("en", "en", pseudo));
afterEach(() => void (document.body.innerHTML = ""));

describe("every string the panel shows comes from the catalog", () => {
  it("the header and the channel list, with unread answers", async () => {
    const root = container();
    draw(root, { channel: null, unread: 2 });
    expect(root.querySelector("h2")?.textContent).toBe("Fern & Thistle");
    expect(bare(root)).toEqual([]);
  });

  it("the call-back form, its errors, a rate limit and its success", async () => {
    const root = container();
    draw(root, { channel: "callback", send: async () => ({ ok: false, status: 429, retryAfter: 120, error: { code: "rate_limited", message: "Too many" } }) });
    root.querySelector<HTMLInputElement>("#beckon-when-pick")!.click();
    await settle();
    await submit(root);
    expect(root.querySelector(".err")).not.toBeNull();
    expect(bare(root)).toEqual([]);
    type(root, "#beckon-name", "Jane Doe");
    type(root, "#beckon-phone", "+1 415 555 0123");
    tick(root, "#beckon-consent");
    await submit(root);
    expect(root.querySelector(".others")).not.toBeNull();
    expect(bare(root)).toEqual([]);

    const done = container();
    draw(done, { channel: "callback", send: answer({ id: "1", status: "new", expect: { kind: "scheduled", at: slots[0] } }) });
    type(done, "#beckon-name", "Jane Doe");
    type(done, "#beckon-phone", "+1 415 555 0123");
    tick(done, "#beckon-consent");
    await submit(done);
    expect(done.querySelector("h3")).not.toBeNull();
    expect(bare(done)).toEqual([]);
  });

  it("the message form with the site's own fields, its errors and its success", async () => {
    const root = container();
    draw(root, { channel: "message", config: { ...config, availability: { ...config.availability, openNow: true } } });
    await submit(root);
    expect(root.querySelectorAll(".err").length).toBeGreaterThan(4);
    expect(bare(root)).toEqual([]);

    for (const reply of [{ withinHours: 2 }, { by: slots[1] }, null]) {
      const done = container();
      draw(done, { channel: "message", send: answer({ id: "1", status: "new", reply }) });
      type(done, "#beckon-name", "Jane Doe");
      type(done, "#beckon-email", "jane@example.com");
      type(done, "#beckon-message", "Is the fern pet-safe?");
      type(done, "#beckon-f-order", "1234");
      const size = done.querySelector<HTMLSelectElement>("#beckon-f-size")!;
      size.value = "Small";
      size.dispatchEvent(new Event("change", { bubbles: true }));
      tick(done, "#beckon-f-gift");
      tick(done, "#beckon-consent");
      await submit(done);
      expect(done.querySelector("bdi")?.textContent).toBe("jane@example.com");
      expect(bare(done)).toEqual([]);
    }
  });

  it("the chat, before it starts and with lines sent, sending and failed", async () => {
    const root = container();
    draw(root, { channel: "chat", chat: chatSession({}) });
    await submit(root);
    expect(bare(root)).toEqual([]);

    const at = "2026-11-23T14:00:00.000Z";
    const line = { id: 1, body: "Is the fern pet-safe?", at, by: null, state: "sent" as const };
    const lines = [
      { ...line, key: "1", author: "shopper" as const },
      { ...line, key: "2", id: 2, author: "owner" as const, body: "Yes!" },
      { ...line, key: "a", id: 0, author: "shopper" as const, state: "sending" as const },
      { ...line, key: "b", id: 0, author: "shopper" as const, state: "failed" as const },
      // Files carry their own names (the shopper's or owner's data): a photo as a thumbnail, a PDF as a link.
      { ...line, key: "3", id: 3, author: "owner" as const, body: "Yes!", files: [{ id: "f1", type: "image/jpeg", name: "fern.jpg", size: 1, image: true }, { id: "f2", type: "application/pdf", name: "care.pdf", size: 1, image: false }] },
    ];
    data.push("fern.jpg", "care.pdf");
    data.push(formatTime(at));
    const started = container();
    draw(started, { channel: "chat", chat: chatSession({ started: true, lines, email: "jane@example.com", startedAt: 1 }) });
    expect(started.querySelectorAll("li")).toHaveLength(5);
    expect(started.querySelector<HTMLImageElement>(".line img")?.getAttribute("src")).toBe("/f/f1");
    expect(bare(started)).toEqual([]);
  });

  it("catches a string that bypasses the catalog", () => {
    const root = container();
    root.innerHTML = "<p>⟦Caught⟧ Hard-coded</p>"; // what is left, without punctuation
    expect(bare(root)).toEqual(["Hardcoded"]);
  });
});
