// The widget's whole stylesheet, adopted by its shadow root. One rule a line, few spaces: these bytes ship.
// :host { all: initial } stops the page's inherited styles at the door; the page's own rules cannot reach in.
// Colours: ink #1a1a1a and greys #555/#767676 on white pass AA; the accent's partners come from contrast.ts.
// One z-index, on the fixed container: above typical sticky headers (~1000) without bidding for the top.

export const css = `:host{all:initial}
*{box-sizing:border-box}
.root{position:fixed;bottom:20px;right:20px;z-index:10000;font:15px/1.45 system-ui,sans-serif;color:#1a1a1a}
.left{right:auto;left:20px}
button,input,select,textarea{font:inherit;color:inherit;margin:0}
button{cursor:pointer}
:focus-visible{outline:3px solid var(--beckon-focus);outline-offset:2px}
.launcher,.primary{min-height:44px;padding:10px 18px;border:0;border-radius:22px;background:var(--beckon-accent);color:var(--beckon-on-accent);font-weight:600}
.launcher{display:flex;align-items:center;gap:8px;box-shadow:0 4px 14px #0004}
svg{width:20px;fill:currentColor}
.panel{position:absolute;bottom:60px;right:0;width:360px;max-width:calc(100vw - 40px);max-height:calc(100vh - 100px);overflow:auto;padding:20px;background:#fff;border-radius:14px;box-shadow:0 10px 40px #0005}
.left .panel{right:auto;left:0}
.head{display:flex;align-items:start}
h2,h3{flex:1;margin:0;font-size:18px}
p{margin:8px 0 0}
.x{width:36px;height:36px;margin:-6px -8px 0 0;border:0;border-radius:18px;background:none;font-size:24px}
.muted,.small{color:#555}
.small{font-size:13px}
.dot{display:inline-block;width:8px;height:8px;margin-right:6px;border-radius:4px;background:#767676}
.on{background:#1e8a4c}
.ch,.primary{display:block;width:100%;margin-top:12px}
.ch{min-height:44px;padding:10px 14px;border:1px solid #767676;border-radius:8px;background:#fff;text-align:left;font-weight:600}
.primary[aria-disabled]{opacity:.7}
.back{padding:0;border:0;background:none;text-decoration:underline}
.field,fieldset{margin:16px 0 0;padding:0;border:0}
label,legend{display:block;padding:0;font-weight:600}
.opt{display:flex;align-items:start;gap:8px;margin-top:6px}
.opt label{font-weight:400}
.opt input{width:18px;height:18px;margin-top:2px;accent-color:var(--beckon-accent)}
.text{display:block;width:100%;min-height:44px;margin-top:4px;padding:8px 10px;border:1px solid #767676;border-radius:8px;background:#fff}
[aria-invalid]{border-color:#b3261e}
.err,.alert{margin:4px 0 0;color:#b3261e;font-size:14px}
.vh{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
[hidden]{display:none}
@media (max-width:479.98px){.panel{position:fixed;top:0;right:0;bottom:0;left:0;width:auto;max-width:none;max-height:none;border-radius:0}}
@media (prefers-reduced-motion:no-preference){.panel{animation:in .2s}}
@keyframes in{from{opacity:0;transform:translateY(8px)}}`;
