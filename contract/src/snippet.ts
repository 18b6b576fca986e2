// The install snippet, written once as real code: the server prints it and the install page shows it.
// Keep this file free of imports: the server loads it directly.

/** The one-line queue stub: lets a page call Beckon(...) before widget.js has loaded. */
export const QUEUE_STUB = "window.Beckon=window.Beckon||function(){(Beckon.q=Beckon.q||[]).push(arguments)};";

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The tag a site owner pastes: loads the widget asynchronously for one site. `look` (the site's accent
 * colour and a launcher label of its own) rides along as `data-color` / `data-label`, so a browser's very
 * first view draws the launcher in the site's look before any config has arrived.
 */
export function embedSnippet(publicUrl: string, siteKey: string, look: { color?: string; label?: string } = {}): string {
  const src = `${publicUrl.replace(/\/+$/, "")}/widget.js`;
  const extra = [look.color && ` data-color="${escapeAttribute(look.color)}"`, look.label && ` data-label="${escapeAttribute(look.label)}"`].filter(Boolean).join("");
  return `<script src="${escapeAttribute(src)}" data-site="${escapeAttribute(siteKey)}"${extra} async></script>`;
}
