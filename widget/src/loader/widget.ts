// Starting one install: draw the launcher at once, fetch the config just after, and bring in the panel when it is wanted.
import { parseConfig } from "./config.ts";
import { themeFor } from "./contrast.ts";
import type { Emitter } from "./events.ts";
import { fetchConfig } from "./fetch-config.ts";
import { createLauncher } from "./launcher.ts";
import { mount, setTheme } from "../shared/mount.ts";
import { forgetLook, readLook, saveLook, scriptLook } from "./config-cache.ts";
import type { PageChoices } from "./api.ts";
import type { Options } from "./options.ts";
import type { MountPanel, PanelHost } from "../panel-host.ts";
import { hasStoredChat } from "../shared/chat-store.ts";
import { fallbackPanel, panelLoader, whenIdle } from "./panel-loader.ts";
import { css } from "./styles.ts";
import type { View, ViewState } from "./view-state.ts";
import type { Shop } from "../shared/shop.ts";

/** The hash of this build's panel, locales and phone chunk, set by build.mjs: `widget-panel.js?v=<it>`. */
declare const __WIDGET_VERSION__: string;

/**
 * Shows the launcher at once, in the look of this site's last config (or the defaults), and asks for the
 * config at the same time; the fresh config's words and colours replace the saved ones when it lands. If
 * the config fails (unknown site, origin not allowed, offline) the launcher goes and one warning is logged.
 */
export async function start(options: Options, view: View, events: Emitter, choices: PageChoices = {}, shop: Shop = {}): Promise<void> {
  const base = `${options.api}/api/v1/sites/${encodeURIComponent(options.site)}`;
  const asset = (file: string) => `${options.api}/${file}?v=${__WIDGET_VERSION__}`;
  // The server picks the language (the owner may force one) and sends the launcher's words in it. Asked
  // for just after the frame that first shows the launcher (drawn from the saved look): starting a request
  // costs the page's main thread a few ms the launcher need not wait for. A hidden tab draws no frame.
  const answer = new Promise((go) => (document.hidden ? go(0) : requestAnimationFrame(() => setTimeout(go)))).then(() =>
    fetchConfig(`${base}/config?${new URLSearchParams({ lang: choices.locale || options.lang || "", prefer: [...navigator.languages, document.documentElement.lang] + "" })}`),
  );
  const load = panelLoader(asset("widget-panel.js"));
  let locale = "";
  // Intent (pointer, focus, touch) brings in the panel and its catalog (the panel imports the same URL,
  // which the browser has then), and once the config is in, has it drawn hidden (`prime`), so the click
  // only reveals it; a page view alone does not. A failed prefetch is retried on open.
  let prime = (_: MountPanel) => {};
  const prefetch = () => void Promise.all([load(), locale && import(/* @vite-ignore */ asset(`widget-locale-${locale}.js`))]).then(([m]) => prime(m), () => {});
  const look = readLook(options.site) ?? scriptLook(options);
  const drawn = (async () => {
    const mounted = await mount(css, themeFor(look.accent), `root ${look.position}`);
    const launcher = createLauncher(look.launcherLabel, view.toggle);
    for (const intent of ["pointerenter", "focus", "touchstart"]) launcher.addEventListener(intent, prefetch, { passive: true });
    const slot = document.createElement("div");
    mounted.root.append(launcher, slot);
    return { ...mounted, launcher, slot };
  })();

  const result = await answer;
  const config = result.ok ? parseConfig(result.data) : null;
  if (!config) {
    drawn.then(({ host }) => host.remove(), () => {});
    if (result.status) forgetLook(options.site); // the server said no: draw nothing next time either
    return console.warn(`Beckon: not shown (${result.ok ? "no channel" : result.status || "network"})`, result.ok ? "" : (result.data?.error?.message ?? ""));
  }
  locale = config.locale;
  saveLook(options.site, config);
  const { shadow, root, launcher, slot } = await drawn;
  setTheme(root, themeFor(config.accent, config.onAccent));
  root.className = `root ${config.position}`;
  // The page's own dir and lang must not leak in (`all: initial` keeps `direction`): ours follow the locale.
  const speak = () => {
    root.lang = config.locale;
    root.dir = /^(ar|he)$/.test(config.locale) ? "rtl" : "ltr";
  };
  speak();
  launcher.setLabel(config.launcherLabel, config.locale, config.words);

  const host: PanelHost = {
    config,
    view,
    shadow,
    slot,
    launcher,
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

  // A chat in progress (from an earlier page) needs the panel now: its stream counts unseen answers.
  if (hasStoredChat(options.site)) whenIdle(() => void load().then(ensurePanel, () => {}));

  let draw: ReturnType<MountPanel> | undefined;
  const ensurePanel = (mountPanel: MountPanel, hidden?: boolean) => {
    if (draw) return;
    draw = mountPanel(host);
    launcher.setAttribute("aria-controls", "beckon-panel");
    draw(latest, hidden);
  };
  prime = (m) => ensurePanel(m, true);
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
      // The catalog is fetched alongside the panel, not after it (a click before the config had arrived).
      prefetch();
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
