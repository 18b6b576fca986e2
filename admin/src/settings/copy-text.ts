/**
 * Copies text to the clipboard; where the Clipboard API is missing or refused (http, old browsers),
 * selects the text in `fallback` so the owner can press Ctrl+C. Returns whether it was copied.
 */
export async function copyText(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (fallback) {
      const range = document.createRange();
      range.selectNodeContents(fallback);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return false;
  }
}
