// The button in the corner of the page that opens and closes the panel. Plain DOM: it is part of the
// loader, which must stay small, and it is all most visitors ever see.

const SVG = "http://www.w3.org/2000/svg";

/**
 * Creates the launcher; `aria-controls` is set by the caller once the panel exists. `setUnread` shows
 * a count of unseen chat answers on it, in its accessible name too.
 */
export function createLauncher(label: string, onToggle: () => void): HTMLButtonElement & { setUnread(count: number): void } {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "launcher";
  button.setAttribute("aria-expanded", "false");
  // Built node by node rather than with innerHTML, so a page enforcing Trusted Types is no problem.
  const icon = document.createElementNS(SVG, "svg");
  icon.setAttribute("viewBox", "0 0 24 24");
  icon.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", "M6 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-8l-5 4v-4.2A3 3 0 0 1 3 14V6a3 3 0 0 1 3-3z");
  icon.append(path);
  const badge = document.createElement("span");
  badge.className = "badge";
  badge.hidden = true;
  button.append(icon, label, badge);
  button.addEventListener("click", onToggle);
  return Object.assign(button, {
    setUnread(count: number) {
      badge.hidden = !count;
      badge.textContent = count ? String(count) : "";
      if (count) button.setAttribute("aria-label", `${label}, ${count} new ${count === 1 ? "answer" : "answers"}`);
      else button.removeAttribute("aria-label");
    },
  });
}
