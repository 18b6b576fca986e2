import { useLayoutEffect, useRef } from "preact/hooks";
import { html } from "../html.ts";
import { checkAccent, formatRatio, MIN_CONTRAST, textName } from "./accent.ts";
import { fieldId } from "./field-errors.ts";
import { t } from "../i18n/t.ts";

type Props = {
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
  launcherLabel: string;
  position: "left" | "right";
};

/** The accent colour: a picker and a hex box kept in step, a live contrast check, and a launcher preview. */
export function AccentField({ value, onValue, error, launcherLabel, position }: Props) {
  const id = fieldId("accent");
  const check = checkAccent(value);
  const sample = useRef<HTMLSpanElement>(null);
  // Under the admin's CSP (no inline styles) dynamic colours go through the CSSOM, never a style attribute.
  useLayoutEffect(() => {
    const el = sample.current;
    if (!el || !check) return;
    el.style.setProperty("--preview-accent", check.hex);
    // The widget puts white or dark text on the accent, whichever reads better; the preview does the same.
    el.style.setProperty("--preview-on-accent", check.text);
  }, [check?.hex]);

  const describedBy = [`${id}-hint`, `${id}-contrast`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return html`<div class=${error ? "field field-invalid" : "field"}>
    <label for=${id}>${t("accent.label")}</label>
    <p class="hint" id=${`${id}-hint`}>${t("accent.hint", { min: MIN_CONTRAST })}</p>
    <div class="accent-row">
      <input type="color" aria-label=${t("accent.pick")} value=${check?.hex ?? "#000000"}
        onInput=${(e: Event) => onValue((e.currentTarget as HTMLInputElement).value)} />
      <input id=${id} class="hex-input" data-user-text type="text" value=${value} spellcheck=${false} autocomplete="off" maxlength="7"
        aria-describedby=${describedBy} aria-invalid=${error ? "true" : undefined}
        onInput=${(e: Event) => onValue((e.currentTarget as HTMLInputElement).value)} />
    </div>
    <p id=${`${id}-contrast`} class=${`contrast ${check ? (check.passes ? "contrast-pass" : "contrast-fail") : "contrast-fail"}`} aria-live="polite">
      ${check
        ? check.passes
          ? html`<span aria-hidden="true">✓ </span>${t("accent.passes", { ratio: formatRatio(check.ratio), text: t(textName(check.text) === "white" ? "accent.white" : "accent.dark") })}`
          : html`<span aria-hidden="true">✗ </span>${t("accent.too_low", { ratio: formatRatio(check.ratio), text: t(textName(check.text) === "white" ? "accent.white" : "accent.dark"), min: MIN_CONTRAST })}`
        : html`<span aria-hidden="true">✗ </span>${t("accent.enter_hex")}`}
    </p>
    ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : null}
    <figure class=${`launcher-preview launcher-preview-${position}`}>
      <figcaption>${t("accent.preview")}</figcaption>
      <span class="launcher-sample" ref=${sample}>
        <svg viewBox="0 0 24 24" aria-hidden="true" width="20" height="20"><path d="M6 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-8l-5 4v-4.2A3 3 0 0 1 3 14V6a3 3 0 0 1 3-3z" /></svg>
        ${launcherLabel ? html`<span data-user-text>${launcherLabel}</span>` : t("accent.launcher_default")}
      </span>
    </figure>
  </div>`;
}
