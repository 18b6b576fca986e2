// Starting one install: fetch the config, mount the launcher, and bring in the panel when it is wanted.
import { parseConfig } from "./config.ts";
import { themeFor } from "./contrast.ts";
import type { Emitter } from "./events.ts";
import { request } from "../shared/http.ts";
import { createLauncher } from "./launcher.ts";
import { mount } from "../shared/mount.ts";
import type { PageChoices } from "./api.ts";
import type { Options } from "./options.ts";
import type { MountPanel, PanelHost, Send } from "../panel-host.ts";
import { hasStoredChat } from "../shared/chat-store.ts";
import { fallbackPanel, panelLoader, whenIdle } from "./panel-loader.ts";
import { css } from "./styles.ts";
import type { View, ViewState } from "./view-state.ts";
import type { Shop } from "../shared/shop.ts";

/** The hash of this build's panel, locales and phone chunk, set by build.mjs: `widget-panel.js?v=<it>`. */
declare const __WIDGET_VERSION__: string;

/** Loads the site's config and shows the launcher; on any failure shows nothing and warns once. */
export async function start(options: Options, view: View, events: Emitter, choices: PageChoices = {}, shop: Shop = {}): Promise<void> {
  const base = `${options.api}/api/v1/sites/${encodeURIComponent(options.site)}`;
  const asset = (file: string) => `${options.api}/${file}?v=${__WIDGET_VERSION__}`;
  // The server picks the language (the owner may force one) and sends the launcher's words in it.
  const hints = new URLSearchParams({ lang: choices.locale || options.lang || "", prefer: [...navigator.languages, document.documentElement.lang] + "" });
  const result = await request(`${base}/config?${hints}`);
  const config = result.ok ? parseConfig(result.data) : null;
  if (!config) {
    return console.warn(`Beckon: not shown (${result.ok ? "no channel" : result.status || result.error.code})`, result.ok ? "" : result.error.message);
  }

  // JSON plus a custom header means a CORS preflight; the key is worth it (see ARCHITECTURE.md). Without
  // a key (the chat), text/plain keeps the request simple.
  const send: Send = (path, body, key) =>
    request(`${base}/${path}`, {
      method: "POST",
      headers: key ? { "Content-Type": "application/json", "Idempotency-Key": key } : { "Content-Type": "text/plain" },
      body: JSON.stringify(body),
    });

  const { shadow, root } = await mount(css, themeFor(config.accent, config.onAccent), `root ${config.position}`);
  // The page's own dir and lang must not leak in (`all: initial` keeps `direction`): ours follow the locale.
  const speak = () => {
    root.lang = config.locale;
    root.dir = /^(ar|he)$/.test(config.locale) ? "rtl" : "ltr";
  };
  speak();
  const launcher = createLauncher(config.launcherLabel, view.toggle, config.locale, config.words);
  const slot = document.createElement("div");
  root.append(launcher, slot);
  const host: PanelHost = {
    config,
    view,
    shadow,
    slot,
    launcher,
    send,
    base,
    asset,
    shop,
    // Unread answers: on the launcher, and opening goes straight to the chat (the menu is one tap away).
    setUnread: (count) => {
      launcher.setUnread(count);
      view.prefer(count ? "chat" : null);
    },
    onSubmitted: (channel, id) => events.emit("submitted", { channel, id }),
  };

  const load = panelLoader(asset("widget-panel.js"));
  // The catalog is fetched beside the panel (the panel imports the same URL, which the browser has then).
  const prefetch = () => void Promise.all([load(), import(/* @vite-ignore */ asset(`widget-locale-${config.locale}.js`))]).catch(() => {}); // retried on open
  launcher.addEventListener("pointerenter", prefetch);
  launcher.addEventListener("focus", prefetch);
  whenIdle(prefetch);
  // A chat in progress (from an earlier page) needs the panel now: its stream counts unseen answers.
  if (hasStoredChat(options.site)) whenIdle(() => void load().then(ensurePanel, () => {}));

  let draw: ((state: ViewState) => void) | undefined;
  const ensurePanel = (mountPanel: MountPanel) => {
    if (draw) return;
    draw = mountPanel(host);
    launcher.setAttribute("aria-controls", "beckon-panel");
    draw(latest);
  };
  let fallback: HTMLElement | undefined;
  let latest: ViewState;
  const wanted = view.attach(
    (state) => {
      latest = state;
      launcher.setAttribute("aria-expanded", String(state.open));
      if (draw) return draw(state);
      if (fallback) {
        // Read before hiding: a hidden element loses focus.
        const focusWasInside = fallback.contains(shadow.activeElement);
        fallback.hidden = !state.open;
        if (!state.open && focusWasInside) launcher.focus();
      }
      if (!state.open) return;
      load().then(
        (mountPanel) => {
          fallback?.remove();
          fallback = undefined;
          ensurePanel(mountPanel);
        },
        (error) => {
          console.warn("Beckon: the panel did not load", error);
          if (!fallback) slot.append((fallback = fallbackPanel(config.name || config.launcherLabel, view.close, config.words)));
          launcher.setAttribute("aria-controls", "beckon-panel");
          fallback.hidden = !latest.open;
          if (latest.open) fallback.focus();
        },
      );
    },
    config.channels.map((c) => c.id),
  );
  // `Beckon('locale', …)` after start: the panel switches its catalog on the next draw.
  choices.changed = () => {
    config.locale = choices.locale!;
    speak();
    if (draw) draw(latest);
  };
  events.emit("ready", { site: config.site });
  if (wanted) view.open();
}
