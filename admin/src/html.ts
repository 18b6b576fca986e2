import htm from "htm";
import { h } from "preact";

/** Tagged templates for Preact: `html\`<p>${text}</p>\``, no JSX build step. */
export const html = htm.bind(h);
