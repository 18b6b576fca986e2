// Dark mode: the panel follows the shopper's system setting (prefers-color-scheme) unless the owner
// forces light or dark. The slot gets the scheme as its class (`auto`, `light`, `dark`) and the CSS
// does the rest (panel-styles.ts), also when the system switches while the panel is open.
import type { WidgetConfig } from "../panel-host.ts";

/**
 * Marks `slot` with the owner's choice; `--d` is the accent's partner on the dark surface (focus
 * rings; `theme.darkFocus` from @beckon/contract/contrast), which the dark rules use.
 */
export function applyScheme(slot: HTMLElement, theme: WidgetConfig["theme"]): void {
  slot.className = theme?.scheme || "auto";
  slot.style.setProperty("--d", theme?.darkFocus || "#fff");
}
