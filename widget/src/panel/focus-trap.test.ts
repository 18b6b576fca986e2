import { describe, expect, it, vi } from "vitest";
import { wrapTab } from "./focus-trap.ts";

/** Just enough of an element for the trap: focusable, visible, inside or outside the panel. */
const control = (name: string, extra: Partial<{ tabIndex: number; disabled: boolean; visible: boolean }> = {}) => {
  const el = { name, tabIndex: extra.tabIndex ?? 0, disabled: extra.disabled ?? false, focus: vi.fn(), getClientRects: () => (extra.visible === false ? [] : [{}]) };
  return el as unknown as HTMLElement;
};

function panel() {
  const close = control("close");
  const name = control("name");
  const honeypot = control("honeypot", { tabIndex: -1 });
  const hidden = control("hidden", { visible: false });
  const submit = control("submit");
  const items = [close, name, honeypot, hidden, submit];
  const container = { querySelectorAll: () => items, contains: (el: HTMLElement) => items.includes(el) } as unknown as HTMLElement;
  return { container, close, name, submit };
}

const key = (k: string, shiftKey = false) => ({ key: k, shiftKey, preventDefault: vi.fn() });

describe("wrapTab", () => {
  it("wraps Tab from the last control to the first, and Shift+Tab from the first to the last", () => {
    const { container, close, submit } = panel();
    const tab = key("Tab");
    expect(wrapTab(tab, container, submit)).toBe(true);
    expect(tab.preventDefault).toHaveBeenCalled();
    expect(close.focus).toHaveBeenCalled();
    expect(wrapTab(key("Tab", true), container, close)).toBe(true);
    expect(submit.focus).toHaveBeenCalled();
  });

  it("lets Tab move normally in between, and ignores other keys", () => {
    const { container, close, name } = panel();
    const tab = key("Tab");
    expect(wrapTab(tab, container, close)).toBe(false);
    expect(wrapTab(key("Tab", true), container, name)).toBe(false);
    expect(wrapTab(key("Enter"), container, close)).toBe(false);
    expect(tab.preventDefault).not.toHaveBeenCalled();
  });

  it("brings focus back in from outside", () => {
    const { container, close } = panel();
    expect(wrapTab(key("Tab"), container, control("page link"))).toBe(true);
    expect(close.focus).toHaveBeenCalled();
  });
});
