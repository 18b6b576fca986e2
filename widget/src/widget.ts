// Starting one install: fetch the site's config, mount, and hand the view its drawing function.
import { html } from "htm/preact";
import { render } from "preact";
import type { CallbackAnswer } from "./callback.ts";
import { parseConfig } from "./config.ts";
import { themeFor } from "./contrast.ts";
import type { Emitter } from "./events.ts";
import { request } from "./http.ts";
import { mount } from "./mount.ts";
import type { Options } from "./options.ts";
import { css } from "./styles.ts";
import { App } from "./ui/app.ts";
import type { Send } from "./ui/callback-form.ts";
import type { View, ViewState } from "./view-state.ts";

/** Loads the site's config and shows the widget; on any failure shows nothing and warns once. */
export async function start(options: Options, view: View, events: Emitter): Promise<void> {
  const base = `${options.api}/api/v1/sites/${encodeURIComponent(options.site)}`;
  const result = await request(`${base}/config`);
  const config = result.ok ? parseConfig(result.data) : null;
  if (!config) {
    return console.warn(`Beckon: not shown (${result.ok ? "no channel" : result.status || result.error.code})`, result.ok ? "" : result.error.message);
  }

  // JSON plus a custom header means a CORS preflight; the key is worth it (see ARCHITECTURE.md).
  const send: Send = (body, key) =>
    request<CallbackAnswer>(`${base}/callbacks`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify(body),
    });
  const onSubmitted = (channel: string, id: string) => events.emit("submitted", { channel, id });

  const { shadow, root } = await mount(css, themeFor(config.accent), `root ${config.position}`);
  let built = false;
  let round = 0;
  let last: ViewState = { open: false, channel: null };
  const onDone = () => {
    round++;
    view.close();
  };
  const draw = (state: ViewState) => {
    const focusWasInside = shadow.activeElement !== null;
    built ||= state.open;
    render(html`<${App} config=${config} state=${state} view=${view} built=${built} round=${round} send=${send} onSubmitted=${onSubmitted} onDone=${onDone} />`, root);
    // render() is synchronous, so focus can move right here. Opening (or changing view) moves it to
    // the view's first control; closing returns it to the launcher, but only if it was ours to move.
    if (state.open && (!last.open || state.channel !== last.channel)) root.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    if (!state.open && focusWasInside) root.querySelector<HTMLElement>(".launcher")?.focus();
    last = state;
  };
  const wanted = view.attach(draw, config.channels.map((c) => c.id));
  events.emit("ready", { site: config.site });
  if (wanted) view.open();
}
