// The contract between the loader (widget.js) and the panel (widget-panel.js). Types only: the two
// files are built separately, so everything the panel needs from the loader is passed in here, and the
// panel imports nothing from src/loader/ but through this file (src/shared/ and @beckon/contract it may).
import type { SubmissionAnswer } from "@beckon/contract/config";
import type { WidgetConfig } from "./loader/config.ts";
import type { View, ViewState } from "./loader/view-state.ts";
import type { HttpResult } from "./shared/http.ts";
import type { Shop } from "./shared/shop.ts";

export type { Availability, Channel, ChannelConsent, MessageField, WidgetConfig } from "./loader/config.ts";
export type { View, ViewState } from "./loader/view-state.ts";
export type { SubmissionAnswer };

/**
 * The panel's `post` (panel/post.ts): posts `body` to `{api}/api/v1/sites/{site}/{path}` and reads the JSON answer; never throws. The one way
 * the panel posts: the forms (`callbacks`, `messages`) pass their Idempotency-Key and go as JSON with it;
 * the chat (`chats…`) passes none and goes as `text/plain`, a simple request with no CORS preflight.
 */
export type Send = <T = SubmissionAnswer>(path: string, body: object, key?: string, files?: Attached) => Promise<HttpResult<T>>;

/**
 * Files chosen in a form's picker (widget-files.js): with any chosen, `send` posts the form there instead,
 * to `{path}/files` as multipart/form-data (the body as its `body` part), in one request with the files.
 */
export type Attached = { count(): number; post<T>(url: string, body: object, key?: string): Promise<HttpResult<T>> };

export type PanelHost = {
  config: WidgetConfig;
  view: View;
  shadow: ShadowRoot;
  /** Where the panel renders; it sits after the launcher in the shadow root. */
  slot: HTMLElement;
  /** The launcher, where focus goes back when the panel closes. */
  launcher: HTMLElement;
  /** `{api}/api/v1/sites/{site}`: the panel's `send` posts here, and the chat reads its transcript and stream. */
  base: string;
  /** The URL of another file of this build (`widget-locale-de.js`, `widget-phone.js`), versioned like the panel. */
  asset: (file: string) => string;
  /** Who the page says the shopper is, and the context every request carries (issue #12). */
  shop: Shop;
  /** Shows how many answers the shopper has not seen yet on the launcher (0 hides it). */
  setUnread: (count: number) => void;
  /** Tells the page (the `submitted` event) that the server accepted a request. */
  onSubmitted: (channel: string, id: string) => void;
};

/**
 * What widget-panel.js exports: mounts the panel and returns its drawing function for the view. `prime`
 * (on the shopper's intent, before a click) builds the closed panel laid out but hidden, so opening it
 * only reveals it.
 */
export type MountPanel = (host: PanelHost) => (state: ViewState, prime?: boolean) => void;
