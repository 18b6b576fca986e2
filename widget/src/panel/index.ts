// The entry of widget-panel.js, the ES module the loader imports when the panel is first wanted:
// Preact, the forms, and the panel's styles. Its one export is `mount`.
import { poster } from "./post.ts";
import { html } from "htm/preact";
import { render } from "preact";
import { createChatSession } from "./chat-session.ts";
import { intlReady, warmFormatters } from "./format.ts";
import { adopt } from "../shared/mount.ts";
import type { MountPanel, Send } from "../panel-host.ts";
import { panelCss } from "./panel-styles.ts";
import { proofOfWork } from "./proof-of-work.ts";
import { locale, useCatalog, type Catalog } from "./i18n/translate.ts";
import { intlTag, supportedLocale } from "@beckon/contract/locales";
import { setPhoneChunk } from "./phone/phone-lib.ts";
import { setExtrasChunk } from "./extras/later.ts";
import { setFilesChunk } from "./files/files-lib.ts";
import { App } from "./ui/app.ts";
import type { ViewState } from "../panel-host.ts";
import { pageContext } from "./page-context.ts";
import { applyScheme } from "./scheme.ts";
import type { HistoryItem } from "./ui/known.ts";

const idle = self.requestIdleCallback || setTimeout;

/** Adopts the panel's styles and returns the function that draws the panel for each view state. */
export const mount: MountPanel = ({ config, view, shadow, slot, launcher, base, asset, setUnread, onSubmitted, shop }) => {
  adopt(shadow, panelCss);
  setPhoneChunk(asset("widget-phone.js"));
  setExtrasChunk(asset("widget-chat-extras.js"));
  setFilesChunk(asset);
  // The words of one locale at a time; another is fetched when the page switches (Beckon('locale', …)).
  let spoken = "";
  const catalogs: Record<string, Promise<Catalog>> = {};
  const words = (code: string): Promise<Catalog> =>
    (catalogs[code] ??= import(/* @vite-ignore */ asset(`widget-locale-${code}.js`)).then(
      (m: { default: Catalog }) => m.default,
      // Without its catalog, English; without that either, the keys (never nothing).
      () => (code === "en" ? {} : words("en")),
    ));
  const wanted = () => supportedLocale(config.locale) ?? "en";
  const post = poster(base);
  // Every submission carries a solved anti-spam challenge; a new one is solved after each is used.
  const proof = proofOfWork(base, asset("widget-pow.js"), asset("widget-sha256.js"));
  // A new request (either form, or a chat's start) carries the page's context (issue #12).
  const ctx = ((path, body, key, files) => post(path, path.includes("/") ? body : { ...body, context: pageContext(shop) }, key, files)) as Send;
  const send = (async (path, body, key, files) => {
    const result = await ctx(path, { ...body, locale, altcha: await proof.get() }, key, files);
    if (result.ok) proof.spent();
    return result;
  }) as Send;
  // The chat lives outside the rendering and posts through the same `send` (it spends a proof only to start): a chat from an earlier page resumes now, so answers are
  // counted on the launcher even while the panel stays closed.
  const chat = config.channels.some((c) => c.id === "chat") ? createChatSession(ctx, base, config.site, setUnread, proof) : null;
  void chat?.resume();
  // "Your messages": only a signed identity gets an answer (the server checks the signature).
  let history: HistoryItem[] | undefined;
  const who = shop.who;
  if (who?.signature)
    void post<{ items: HistoryItem[] }>("history", { id: who.id, signature: who.signature }).then((r) => {
      r.ok && ((history = r.data.items), built && draw(last));
    });
  const narrow = window.matchMedia?.("(max-width:479.98px)");
  let built = false;
  let round = 0;
  let last: ViewState = { open: false, channel: null };
  // The state last rendered: focus moves on what changed since, even when the catalog made it wait.
  let drawn = last;
  const onDone = () => {
    round++;
    view.close();
  };
  const draw = (state: ViewState, prime?: boolean) => {
    last = state;
    // Built on intent (`prime`), the closed panel is drawn hidden but laid out, so a click only reveals it.
    // Nothing is built before the shopper shows intent or opens the panel: no work for the host page.
    if (!(built ||= state.open || !!prime)) return;
    const code = wanted();
    if (code !== spoken) {
      return void words(code).then((catalog) => {
        if (code === wanted()) useCatalog((spoken = code), intlTag(code, navigator.languages), catalog);
        draw(last);
      });
    }
    const focusWasInside = shadow.activeElement !== null;
    const before = drawn;
    drawn = state;
    // Just after the frame that shows (or lays out) the panel: a form's proof of work starts solving while
    // the shopper types (a send that comes first asks for the proof itself); and, a page's first Intl
    // formatter being a long task of its own (40-600 ms in Chromium), the times and country names that
    // frame left out are built while the browser is idle, and drawn in the next idle task. Never before
    // that frame: an idle moment while the catalog loads would put it in front of the click's first frame.
    requestAnimationFrame(() =>
      setTimeout(() => {
        state.open && state.channel && proof.start();
        idle(() => intlReady() || (warmFormatters(), idle(() => draw(last))));
      }),
    );
    applyScheme(slot, config.theme);
    render(
      html`<${App} who=${shop.who} history=${history} config=${config} state=${state} view=${view} sheet=${!!narrow?.matches} round=${round} send=${send} chat=${chat} unread=${chat?.unread ?? 0} onSubmitted=${onSubmitted} onDone=${onDone} />`,
      slot,
    );
    // Opening (or changing view) moves focus to the view's first control, in the frame that shows it (not
    // here: focus forces style and layout, which would join the render in one long task); closing returns
    // it to the launcher at once, but only if it was ours to move.
    if (state.open && (!before.open || state.channel !== before.channel)) requestAnimationFrame(() => slot.querySelector<HTMLElement>("[data-autofocus]")?.focus());
    if (!state.open && focusWasInside) launcher.focus();
  };
  // "Chat with us" in the menu carries the unread count: redraw when it changes.
  let unread = 0;
  // Deferred: the count changes while the chat view mounts (it is then seen), inside a render.
  chat?.subscribe(() => {
    if (chat.unread !== unread && ((unread = chat.unread), built)) void Promise.resolve().then(() => draw(last));
  });
  // Turning a phone, or resizing a window across 480 px, makes the panel modal or not.
  narrow?.addEventListener?.("change", () => draw(last));
  return draw;
};
