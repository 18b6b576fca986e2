// The bare Preact reference for bench/widget-browser.ts: one script that draws a launcher at once and,
// on click, a two-field form. No config, no second file: the floor a widget's loader is measured against.
import { html } from "htm/preact";
import { render } from "preact";
import { useState } from "preact/hooks";

function Reference() {
  const [open, setOpen] = useState(false);
  return html`<div style="position:fixed;bottom:20px;right:20px;font:15px system-ui">
    ${open &&
    html`<form style="position:absolute;bottom:60px;right:0;width:320px;padding:20px;background:#fff;box-shadow:0 10px 40px #0005">
      <label>Your name <input name="name" autocomplete="name" /></label>
      <label>Phone <input name="phone" type="tel" autocomplete="tel" /></label>
      <button>Call me back</button>
    </form>`}
    <button class="launcher" style="padding:10px 18px;border:0;border-radius:22px;background:#1f6f5c;color:#fff" onClick=${() => setOpen(!open)}>Contact us</button>
  </div>`;
}

const root = document.createElement("div");
root.id = "ref";
document.body.append(root);
render(html`<${Reference} />`, root);
