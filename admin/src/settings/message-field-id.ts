import type { MessageField } from "./types.ts";

/** A field being edited; `key` keeps each row's DOM (and focus) when rows move; `id` is "" until first saved. */
export type DraftField = MessageField & { key: number };

/** An id for a new extra field, from its label: `Order number` -> `order_number`, unique among `taken`. */
export function idFromLabel(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = label
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "")
    .slice(0, 26)
    .replace(/_+$/, "");
  if (!base) base = "field";
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}_${n}`;
    if (!used.has(id)) return id;
  }
}

/** The fields as the server stores them: new ones get an id from their label, blank options are dropped. */
export function toMessageFields(drafts: DraftField[]): MessageField[] {
  const taken = drafts.map((f) => f.id).filter(Boolean);
  return drafts.map(({ key: _key, ...f }) => {
    const id = f.id || idFromLabel(f.label, taken);
    if (!f.id) taken.push(id);
    return { ...f, id, options: f.type === "choice" ? f.options.map((o) => o.trim()).filter(Boolean) : [] };
  });
}
