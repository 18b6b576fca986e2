// The contract between the loader (widget.js) and the panel (widget-panel.js). Types only: the two
// files are built separately, so everything the panel needs from the loader is passed in here.
import type { WidgetConfig } from "./config.ts";
import type { HttpResult } from "./http.ts";
import type { View, ViewState } from "./view-state.ts";
import type { Shop } from "./shop.ts";

/** The server's answer to a call-back or a message. */
export type SubmissionAnswer = { id: string; status: string; expect?: { kind: string; at?: string }; replyTime?: string };

/** Posts one submission on a channel ("callback" or "message"); `key` is the form's Idempotency-Key. Never throws. */
export type Send = (channel: string, body: object, key: string) => Promise<HttpResult<SubmissionAnswer>>;

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
  /** Who the page says the shopper is, and the context every request carries (issue #12). */
  shop: Shop;
  /** Shows how many answers the shopper has not seen yet on the launcher (0 hides it). */
  setUnread: (count: number) => void;
  /** Tells the page (the `submitted` event) that the server accepted a request. */
  onSubmitted: (channel: string, id: string) => void;
};

/** What widget-panel.js exports: mounts the panel and returns its drawing function for the view. */
export type MountPanel = (host: PanelHost) => (state: ViewState) => void;
