// The loader's stylesheet, adopted by the shadow root: the container, the launcher and the panel's box
// (which the fallback message uses too). The panel's inner styles ship with it, in panel-styles.ts.
// One rule a line, few spaces: these bytes ship on every page.
// :host { all: initial } stops the page's inherited styles at the door; the page's own rules cannot reach in.
// Its !important holds our host against the page's !important rules (`* { all: unset !important }`,
// `body > * { display: none !important }`): for !important the shadow context wins. The only !important here.
// Colours: ink #1a1a1a and greys #555/#767676 on white pass AA; the accent's partners come from contrast.ts.
// One z-index, on the fixed container: above typical sticky headers (~1000) without bidding for the top.
// A closed panel is `inert` and laid out but invisible (drawn on intent, so a click only reveals it).

export const css = `:host{all:initial!important;display:block!important}
*{box-sizing:border-box}
.root{position:fixed;bottom:20px;right:20px;z-index:10000;font:15px/1.45 system-ui,sans-serif;color:#1a1a1a}
.left{right:auto;left:20px}
button,input,select,textarea{font:inherit;color:inherit;margin:0}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--beckon-focus);outline-offset:2px}
.launcher{display:flex;align-items:center;gap:8px;min-height:44px;padding:10px 18px;border:0;border-radius:22px;background:var(--beckon-accent);color:var(--beckon-on-accent);font-weight:600;box-shadow:0 4px 14px #0004}
svg{width:20px;fill:currentColor}
.badge{min-width:22px;padding:1px 6px;border-radius:11px;background:#b3261e;color:#fff;font-size:13px;text-align:center}
.panel{position:absolute;bottom:60px;right:0;width:360px;max-width:calc(100vw - 40px);max-height:calc(100vh - 100px);overflow:auto;padding:20px;background:#fff;border-radius:14px;box-shadow:0 10px 40px #0005}
.left .panel{right:auto;left:0}
p{margin:8px 0 0}
[hidden]{display:none}
[inert]{visibility:hidden}
@media(max-width:479.98px){.panel{position:fixed;inset:0;width:auto;max-width:none;max-height:none;border-radius:0}}`;
