// The panel's own styles, adopted next to the loader's (styles.ts) when the panel first loads.
// One rule a line, few spaces: these bytes ship. Colours as in styles.ts. Logical properties (inline-start,
// inline-end), so a right-to-left panel (ar, he) mirrors itself. Greys, errors and line colours are custom
// properties with the light value as fallback; `.dark`, and `.auto` when the system is dark (panel/scheme.ts), set the dark ones, each AA on #1e1e20.

export const panelCss = `.primary{display:block;width:100%;min-height:44px;margin-top:12px;padding:10px 18px;border:0;border-radius:22px;background:var(--beckon-accent);color:var(--beckon-on-accent);font-weight:600}
.head{display:flex;align-items:start;gap:10px}
.who{flex:1}
.photo{width:44px;height:44px;border-radius:22px;object-fit:cover}
h2,h3{margin:0;font-size:18px}
.x{width:36px;height:36px;margin:-6px 0 0;margin-inline-end:-8px;border:0;border-radius:18px;background:none;font-size:24px}
.muted,.small{color:var(--m,#555)}
.small{font-size:13px}
.dot{display:inline-block;width:8px;height:8px;margin-inline-end:6px;border-radius:4px;background:#767676}
.on{background:#1e8a4c}
.ch{display:block;width:100%;min-height:44px;margin-top:12px;padding:10px 14px;border:1px solid var(--l,#767676);border-radius:8px;background:var(--i,#fff);text-align:start;font-weight:600}
.primary[aria-disabled]{opacity:.7}
.trust,details{margin:14px 0 0;color:var(--m,#555);font-size:13px}
.back{padding:0;border:0;background:none;text-decoration:underline}
.field,fieldset{margin:16px 0 0;padding:0;border:0}
label,legend{display:block;padding:0;font-weight:600}
.req{color:var(--e,#b3261e)}
.opt{display:flex;align-items:start;gap:8px;margin-top:6px}
.opt label{font-weight:400}
.opt input{flex:none;width:18px;height:18px;margin-top:2px;accent-color:var(--beckon-accent)}
.text{display:block;width:100%;min-height:44px;margin-top:4px;padding:8px 10px;border:1px solid var(--l,#767676);border-radius:8px;background:var(--i,#fff)}
[aria-invalid]{border-color:var(--e,#b3261e)}
.err,.alert{margin:4px 0 0;color:var(--e,#b3261e);font-size:14px}
.vh{position:absolute;inset-inline-start:-9999px;width:1px;height:1px;overflow:hidden}
.lines{max-height:260px;overflow-y:auto;margin-top:12px}
.lines ol{margin:0;padding:0;list-style:none}
.line{display:flex;flex-direction:column;max-width:85%;margin-top:8px;padding:8px 10px;border-radius:10px;background:var(--s,#f1f1f1)}
.line.shopper{margin-inline-start:auto;background:var(--y,#e8f0ec)}
.body{white-space:pre-wrap;overflow-wrap:anywhere}
.line img{display:block;max-width:100%;margin-top:4px;border-radius:6px}
.tel{display:flex;gap:6px}
.tel select{flex:0 1 45%;min-width:0}
[dir=rtl] [dir=ltr]{text-align:end}
.panel{background:var(--p,#fff);color:var(--t,inherit)}
@media(prefers-color-scheme:dark){.auto{--m:#b4b4b4;--l:#8a8a8a;--i:#2a2a2d;--e:#ff8a80;--s:#2c2c30;--y:#1f3a2f;--p:#1e1e20;--t:#ececec;--beckon-focus:var(--d);color-scheme:dark}}
.dark{--m:#b4b4b4;--l:#8a8a8a;--i:#2a2a2d;--e:#ff8a80;--s:#2c2c30;--y:#1f3a2f;--p:#1e1e20;--t:#ececec;--beckon-focus:var(--d);color-scheme:dark}`;
