// The install snippet, written once as real code: the server prints it and the install page shows it.
// Keep this file free of imports: the server loads it directly.

/** The one-line queue stub: lets a page call Beckon(...) before widget.js has loaded. */
export const QUEUE_STUB = "window.Beckon=window.Beckon||function(){(Beckon.q=Beckon.q||[]).push(arguments)};";

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The tag a site owner pastes: loads the widget asynchronously for one site. */
export function embedSnippet(publicUrl: string, siteKey: string): string {
  const src = `${publicUrl.replace(/\/+$/, "")}/widget.js`;
  return `<script src="${escapeAttribute(src)}" data-site="${escapeAttribute(siteKey)}" async></script>`;
}
