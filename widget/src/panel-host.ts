// The contract between the loader (widget.js) and the panel (widget-panel.js). Types only: the two
// files are built separately, so everything the panel needs from the loader is passed in here, and the
// panel imports nothing from src/loader/ but through this file (src/shared/ and @beckon/contract it may).
import type { SubmissionAnswer } from "@beckon/contract/config";
import type { WidgetConfig } from "./loader/config.ts";
import type { View, ViewState } from "./loader/view-state.ts";
import type { HttpResult } from "./shared/http.ts";

export type { Availability, Channel, ChannelConsent, MessageField, WidgetConfig } from "./loader/config.ts";
export type { View, ViewState } from "./loader/view-state.ts";
export type { SubmissionAnswer };

/**
 * Posts `body` to `{api}/api/v1/sites/{site}/{path}` and reads the JSON answer; never throws. The one way
 * the panel posts: the forms (`callbacks`, `messages`) pass their Idempotency-Key and go as JSON with it;
 * the chat (`chats…`) passes none and goes as `text/plain`, a simple request with no CORS preflight.
 */
export type Send = <T = SubmissionAnswer>(path: string, body: object, key?: string) => Promise<HttpResult<T>>;

export type PanelHost = {
  config: WidgetConfig;
  view: View;
  shadow: ShadowRoot;
  /** Where the panel renders; it sits after the launcher in the shadow root. */
  slot: HTMLElement;
  /** The launcher, where focus goes back when the panel closes. */
  launcher: HTMLElement;
  send: Send;
  /** `{api}/api/v1/sites/{site}`: the chat talks to the server itself. */
  base: string;
  /** Shows how many answers the shopper has not seen yet on the launcher (0 hides it). */
  setUnread: (count: number) => void;
  /** Tells the page (the `submitted` event) that the server accepted a request. */
  onSubmitted: (channel: string, id: string) => void;
};

/** What widget-panel.js exports: mounts the panel and returns its drawing function for the view. */
export type MountPanel = (host: PanelHost) => (state: ViewState) => void;
