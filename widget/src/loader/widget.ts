// Starting one install: fetch the config, mount the launcher, and bring in the panel when it is wanted.
import { parseConfig } from "./config.ts";
import { themeFor } from "./contrast.ts";
import type { Emitter } from "./events.ts";
import { request } from "../shared/http.ts";
import { createLauncher } from "./launcher.ts";
import { mount } from "../shared/mount.ts";
import type { Options } from "./options.ts";
import type { MountPanel, PanelHost, Send } from "../panel-host.ts";
import { hasStoredChat } from "../shared/chat-store.ts";
import { fallbackPanel, panelLoader, whenIdle } from "./panel-loader.ts";
import { css } from "./styles.ts";
import type { View, ViewState } from "./view-state.ts";

/** `widget-panel.js?v=<hash>`, set by build.mjs. */
declare const __PANEL_FILE__: string;

/** Loads the site's config and shows the launcher; on any failure shows nothing and warns once. */
export async function start(options: Options, view: View, events: Emitter): Promise<void> {
  const base = `${options.api}/api/v1/sites/${encodeURIComponent(options.site)}`;
  const result = await request(`${base}/config`);
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
  const launcher = createLauncher(config.launcherLabel, view.toggle);
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
    // Unread answers: on the launcher, and opening goes straight to the chat (the menu is one tap away).
    setUnread: (count) => {
      launcher.setUnread(count);
      view.prefer(count ? "chat" : null);
    },
    onSubmitted: (channel, id) => events.emit("submitted", { channel, id }),
  };

  const load = panelLoader(`${options.api}/${__PANEL_FILE__}`);
  const prefetch = () => void load().catch(() => {}); // a failed prefetch is retried when the shopper opens
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
          if (!fallback) slot.append((fallback = fallbackPanel(config.name || config.launcherLabel, view.close)));
          launcher.setAttribute("aria-controls", "beckon-panel");
          fallback.hidden = !latest.open;
          if (latest.open) fallback.focus();
        },
      );
    },
    config.channels.map((c) => c.id),
  );
  events.emit("ready", { site: config.site });
  if (wanted) view.open();
}
