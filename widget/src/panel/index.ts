// The entry of widget-panel.js, the ES module the loader imports when the panel is first wanted:
// Preact, the forms, and the panel's styles. Its one export is `mount`.
import { html } from "htm/preact";
import { render } from "preact";
import { createChatSession } from "./chat-session.ts";
import { adopt } from "../shared/mount.ts";
import type { MountPanel, Send } from "../panel-host.ts";
import { panelCss } from "./panel-styles.ts";
import { proofOfWork } from "./proof-of-work.ts";
import { App } from "./ui/app.ts";
import type { ViewState } from "../panel-host.ts";

/** Adopts the panel's styles and returns the function that draws the panel for each view state. */
export const mount: MountPanel = ({ config, view, shadow, slot, launcher, send: post, base, setUnread, onSubmitted }) => {
  adopt(shadow, panelCss);
  // Every submission carries a solved anti-spam challenge; a new one is solved after each is used.
  const proof = proofOfWork(base);
  const send = (async (path, body, key) => {
    const result = await post(path, { ...body, altcha: await proof.get() }, key);
    if (result.ok) proof.spent();
    return result;
  }) as Send;
  // The chat lives outside the rendering and posts through the same `send` (it spends a proof only to start): a chat from an earlier page resumes now, so answers are
  // counted on the launcher even while the panel stays closed.
  const chat = config.channels.some((c) => c.id === "chat") ? createChatSession(post, base, config.site, setUnread, proof) : null;
  void chat?.resume();
  const narrow = window.matchMedia?.("(max-width:479.98px)");
  let built = false;
  let round = 0;
  let last: ViewState = { open: false, channel: null };
  const onDone = () => {
    round++;
    view.close();
  };
  const draw = (state: ViewState) => {
    const focusWasInside = shadow.activeElement !== null;
    const before = last;
    last = state;
    // Nothing is built before the shopper first opens the panel: no work for the host page.
    built ||= state.open;
    if (!built) return;
    if (state.open && state.channel) proof.start(); // a form is open: solve while the shopper types
    render(
      html`<${App} config=${config} state=${state} view=${view} sheet=${!!narrow?.matches} round=${round} send=${send} chat=${chat} unread=${chat?.unread ?? 0} onSubmitted=${onSubmitted} onDone=${onDone} />`,
      slot,
    );
    // render() is synchronous, so focus can move right here. Opening (or changing view) moves it to
    // the view's first control; closing returns it to the launcher, but only if it was ours to move.
    if (state.open && (!before.open || state.channel !== before.channel)) slot.querySelector<HTMLElement>("[data-autofocus]")?.focus();
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
