// Keeps Tab inside the full-screen sheet (below 480 px the panel covers the page, so it is modal).

const TABBABLE = "button,input,select,textarea,a[href],[tabindex]";

/** The controls Tab can reach inside `container`, in order: not disabled, not tabindex=-1, not hidden. */
export function tabbable(container: ParentNode): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

/**
 * On Tab from the last control (or Shift+Tab from the first, or from outside), moves focus to the
 * other end instead of letting it leave `container`. Returns whether it did.
 */
export function wrapTab(event: Pick<KeyboardEvent, "key" | "shiftKey" | "preventDefault">, container: HTMLElement, active: Element | null): boolean {
  if (event.key !== "Tab") return false;
  const items = tabbable(container);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return false;
  const inside = active !== null && container.contains(active);
  const target = event.shiftKey ? (!inside || active === first ? last : null) : !inside || active === last ? first : null;
  if (!target) return false;
  event.preventDefault();
  target.focus();
  return true;
}
