// The panel's side of widget-chat-extras.js (asking for an email when nobody is live, "Email me this
// chat", "How did we do?"): rarely used, so a
// chunk of its own, imported when a started chat is shown. It gets Preact and the panel's helpers from
// here (one Preact in the page), so it carries only its own code.
import { html } from "htm/preact";
import { Component } from "preact";
import { Field } from "../ui/field.ts";
import { parts, t } from "../i18n/translate.ts";
import { shouldAskEmail } from "../chat-text.ts";
import type { ChatSession, ChatState } from "../chat-session.ts";
import type { WidgetConfig } from "../../panel-host.ts";

export type Kit = { html: typeof html; Component: typeof Component; Field: typeof Field; t: typeof t; parts: typeof parts; shouldAskEmail: typeof shouldAskEmail };
/** `emailSaved`: the shopper gave an address when starting the chat. */
export type ExtrasProps = { session: ChatSession; chat: ChatState; config: WidgetConfig; emailSaved: boolean };
type Extras = (kit: Kit) => typeof Component<ExtrasProps, any>;

let url = "";
let loading: Promise<ReturnType<Extras>> | undefined;

/** Where this build's extras chunk is; set once by the panel's mount. */
export const setExtrasChunk = (chunkUrl: string) => void (url = chunkUrl);

/** Draws the extras once their chunk is in (nothing before, nor if it fails to load). */
export class Later extends Component<ExtrasProps, { C?: ReturnType<Extras> }> {
  override componentDidMount() {
    (loading ??= import(/* @vite-ignore */ url).then((m: { default: Extras }) => m.default({ html, Component, Field, t, parts, shouldAskEmail }))).then(
      (C) => this.setState({ C }),
      () => (loading = undefined),
    );
  }
  render(p: ExtrasProps, { C }: { C?: ReturnType<Extras> }) {
    return C ? html`<${C} ...${p} />` : null;
  }
}
