import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import type { SiteSettings } from "./types.ts";
import { t } from "../i18n/t.ts";

type Item = { text: string; by: string };

/**
 * Issue #12: up to three short trust items the widget shows under its channels — a testimonial and its
 * author, a badge ("Family business since 1998"), a promise ("Free returns within 30 days").
 */
export function TrustItemsField({ saved }: { saved: SiteSettings["trustItems"] }) {
  const { state, draft, contribute } = useSettingsSection("trust");
  const initial: Item[] = [0, 1, 2].map((i) => ({ text: saved[i]?.text ?? "", by: saved[i]?.by ?? "" }));
  const [items, setItems] = draft("items", initial);
  const set = (i: number, key: keyof Item) => (value: string) => setItems((prev) => prev.map((it, j) => (j === i ? { ...it, [key]: value } : it)));
  contribute(() => ({ settings: { trustItems: items.filter((it) => it.text.trim()).map((it) => ({ text: it.text.trim(), by: it.by.trim() || null })) } }));
  return html`<fieldset id=${fieldId("trustItems")}>
    <legend>${t("trust.legend")}</legend>
    <p class="hint">${t("trust.hint")}</p>
    ${items.map(
      (it, i) => html`<div class="trust-item">
        <${TextField} id=${fieldId(`trustItems.${i}.text`)} label=${t("trust.item", { n: i + 1 })} value=${it.text} onValue=${set(i, "text")} error=${errorAt(state.errors, `trustItems.${i}.text`)} />
        <${TextField} id=${fieldId(`trustItems.${i}.by`)} label=${t("trust.item_by", { n: i + 1 })} value=${it.by} onValue=${set(i, "by")} error=${errorAt(state.errors, `trustItems.${i}.by`)} />
      </div>`,
    )}
  </fieldset>`;
}
