import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { SettingsUpdate, SettingsView } from "./types.ts";

/**
 * What a section adds to one save: its part of the update, or the errors found before asking the
 * server (shown at their fields like the server's).
 */
export type Contribution = { update: SettingsUpdate } | { reject: Record<string, string> };

/** The whole settings page's state: the saved view, every unsaved edit, and the last save's errors. */
export type SettingsStore = {
  view: SettingsView;
  /** Unsaved edits by `section.name`; an edit put back to the saved value is dropped. */
  drafts: Record<string, unknown>;
  setDraft: (key: string, next: unknown, saved: unknown) => void;
  errors: Record<string, string>;
  /** Each section's way to turn its edits into an update, registered on render. */
  builders: Map<string, () => Contribution>;
  /** Members see settings but cannot change them. */
  readOnly: boolean;
  /** Saves every section with unsaved edits, in one request. */
  save: () => void;
};

export const SettingsContext = createContext<SettingsStore | null>(null);

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The drafts with `key` set to `next`, or without it when `next` is the saved value. */
export function withDraft(drafts: Record<string, unknown>, key: string, next: unknown, saved: unknown): Record<string, unknown> {
  // Unchanged drafts come back as the same object, so a control that re-sets its value renders no more.
  if (same(next, saved)) {
    if (!(key in drafts)) return drafts;
    const { [key]: _dropped, ...rest } = drafts;
    return rest;
  }
  return key in drafts && same(drafts[key], next) ? drafts : { ...drafts, [key]: next };
}

/** The sections that have unsaved edits, by id. */
export function dirtySections(drafts: Record<string, unknown>): Set<string> {
  return new Set(Object.keys(drafts).map((k) => k.slice(0, k.indexOf("."))));
}

/**
 * Merges the sections' updates into one request: top-level fields side by side, `settings` keys
 * side by side (sections own disjoint keys), or every error found before asking the server.
 * `settings.consent` is shared: each section sends the whole object with its own channels changed,
 * so only the channels that differ from `saved` are taken from each.
 */
export function mergeContributions(parts: Contribution[], saved?: SettingsView["settings"]): Contribution {
  const reject = Object.assign({}, ...parts.map((p) => ("reject" in p ? p.reject : {}))) as Record<string, string>;
  if (Object.keys(reject).length) return { reject };
  const update: SettingsUpdate = {};
  for (const p of parts) {
    if (!("update" in p)) continue;
    const { settings, ...top } = p.update;
    Object.assign(update, top);
    if (!settings) continue;
    const consent = settings.consent && saved ? { ...(update.settings?.consent ?? saved.consent), ...changedFrom(saved.consent, settings.consent) } : settings.consent;
    update.settings = { ...update.settings, ...settings, ...(consent && { consent }) };
  }
  return { update };
}

/** The entries of `next` that differ from `saved`. */
function changedFrom<T extends object>(saved: T, next: T): Partial<T> {
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => !same(v, (saved as Record<string, unknown>)[k]))) as Partial<T>;
}

type Setter<T> = (next: T | ((prev: T) => T)) => void;

/**
 * A section's handle on the page state. `draft(name, saved)` works like `useState` but keeps the
 * value in the page's drafts (so the page knows what is unsaved and can discard it);
 * `contribute(build)` tells the page how to save the section.
 */
export function useSettingsSection(id: string) {
  const store = useContext(SettingsContext)!;
  return {
    state: { errors: store.errors },
    readOnly: store.readOnly,
    draft<T>(name: string, saved: T): [T, Setter<T>] {
      const key = `${id}.${name}`;
      const value = (key in store.drafts ? store.drafts[key] : saved) as T;
      const set: Setter<T> = (next) => store.setDraft(key, next, saved);
      return [value, set];
    },
    contribute(build: () => SettingsUpdate | Contribution) {
      store.builders.set(id, () => {
        const out = build();
        return "update" in out || "reject" in out ? (out as Contribution) : { update: out as SettingsUpdate };
      });
    },
  };
}
