// The shopper's link page's own stylesheet and script: files, not inline, so the page keeps a strict
// CSP (no 'unsafe-inline'). Only the site's two colours come inline, allowed by their hash.

/** Mobile first: one column, thumb-sized buttons, the shop's accent on top like the widget's header. */
export const LINK_CSS = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#f4f5f6}
.shop{display:flex;align-items:center;gap:12px;padding:16px;background:var(--accent);color:var(--on-accent)}
.shop .photo{width:48px;height:48px;border-radius:24px;object-fit:cover;flex:none;background:#fff}
.shop-name{margin:0;font-weight:700;font-size:1.1rem;overflow-wrap:anywhere}
.shop-by{margin:0;font-size:.9rem}
main{max-width:30rem;margin:16px auto;padding:20px 16px;background:#fff;border-radius:14px;box-shadow:0 1px 4px #0002}
@media (max-width:32rem){main{margin:0;border-radius:0;box-shadow:none}}
h1{margin:0 0 12px;font-size:1.3rem;line-height:1.3}
p{margin:0 0 12px}
.when{font-size:1.1rem;font-weight:600}
.zone{color:#555;font-size:.9rem}
form{margin:16px 0 0}
label{display:block;font-weight:600;margin:0 0 6px}
select{display:block;width:100%;min-height:48px;padding:10px;border:1px solid #767676;border-radius:10px;font:inherit;background:#fff;color:inherit}
button{display:block;width:100%;min-height:48px;margin-top:10px;padding:12px 18px;border-radius:24px;font:inherit;font-weight:600;cursor:pointer}
.primary{border:0;background:var(--accent);color:var(--on-accent)}
.secondary{border:2px solid #a4262c;background:#fff;color:#a4262c}
button:focus-visible,select:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
hr{border:0;border-top:1px solid #ddd;margin:20px 0}
fieldset{margin:0 0 12px;padding:0;border:0}
.choice{display:flex;align-items:center;gap:8px;min-height:44px;font-weight:400}
.choice input{width:20px;height:20px;margin:0}
textarea{display:block;width:100%;padding:10px;border:1px solid #767676;border-radius:10px;font:inherit}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
`;

/** Shows every time on the page in the shopper's own time zone (the browser's), in the page's language. */
export const LINK_JS = `(function () {
  var lang = document.documentElement.lang || undefined;
  var fmt = new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" });
  document.querySelectorAll("[data-at]").forEach(function (el) {
    var at = new Date(el.getAttribute("data-at"));
    if (!isNaN(at.getTime())) el.textContent = fmt.format(at);
  });
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  document.querySelectorAll("[data-zone-note]").forEach(function (el) {
    // The sentence comes in the page's language, with {zone} to fill.
    if (zone) el.textContent = el.getAttribute("data-zone-note").replace("{zone}", zone.replace(/_/g, " "));
  });
})();
`;
