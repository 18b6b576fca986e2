import { useLayoutEffect, useRef } from "preact/hooks";
import { html } from "../html.ts";
import { checkAccent, formatRatio, MIN_CONTRAST, textName } from "./accent.ts";
import { fieldId } from "./field-errors.ts";

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
    <label for=${id}>Accent colour</label>
    <p class="hint" id=${`${id}-hint`}>The launcher button and highlights. Its text is white or dark, whichever reads better; that needs a contrast of at least ${MIN_CONTRAST}:1.</p>
    <div class="accent-row">
      <input type="color" aria-label="Pick the accent colour" value=${check?.hex ?? "#000000"}
        onInput=${(e: Event) => onValue((e.currentTarget as HTMLInputElement).value)} />
      <input id=${id} class="hex-input" type="text" value=${value} spellcheck=${false} autocomplete="off" maxlength="7"
        aria-describedby=${describedBy} aria-invalid=${error ? "true" : undefined}
        onInput=${(e: Event) => onValue((e.currentTarget as HTMLInputElement).value)} />
    </div>
    <p id=${`${id}-contrast`} class=${`contrast ${check ? (check.passes ? "contrast-pass" : "contrast-fail") : "contrast-fail"}`} aria-live="polite">
      ${check
        ? check.passes
          ? html`<span aria-hidden="true">✓ </span>Contrast ${formatRatio(check.ratio)} with ${textName(check.text)} text: passes.`
          : html`<span aria-hidden="true">✗ </span>Contrast ${formatRatio(check.ratio)} at best (${textName(check.text)} text): too low (needs ${MIN_CONTRAST}:1). Choose a lighter or darker colour.`
        : html`<span aria-hidden="true">✗ </span>Enter a colour as six hex digits, like #1f6f5c.`}
    </p>
    ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : null}
    <figure class=${`launcher-preview launcher-preview-${position}`}>
      <figcaption>Preview</figcaption>
      <span class="launcher-sample" ref=${sample}>
        <svg viewBox="0 0 24 24" aria-hidden="true" width="20" height="20"><path d="M6 3h12a3 3 0 0 1 3 3v8a3 3 0 0 1-3 3h-8l-5 4v-4.2A3 3 0 0 1 3 14V6a3 3 0 0 1 3-3z" /></svg>
        ${launcherLabel || "Contact us"}
      </span>
    </figure>
  </div>`;
}
