import { html } from "../html.ts";
import { t } from "../i18n/t.ts";

export type SaveMessage = { kind: "ok" | "error"; text: string };

type Props = { dirty: boolean; busy: boolean; message: SaveMessage | null; onSave: () => void; onDiscard: () => void };

/**
 * The bar that sticks to the bottom of the settings page while anything is unsaved:
 * "Unsaved changes · Save · Discard", and afterwards what the save did.
 */
export function SaveBar({ dirty, busy, message, onSave, onDiscard }: Props) {
  const shown = dirty || !!message;
  return html`<div class=${shown ? "save-bar" : "save-bar save-bar-idle"} role="region" aria-label=${t("save.region")}>
    <div class="save-bar-message" tabindex="-1">
      ${message?.kind === "error" ? html`<p class="form-message form-error" role="alert">${message.text}</p>` : null}
      <p role="status" class=${message?.kind === "ok" && !dirty ? "form-message form-success" : "visually-hidden"}>
        ${message?.kind === "ok" && !dirty ? message.text : ""}</p>
      ${dirty ? html`<p class="save-bar-state"><strong>${t("save.unsaved")}</strong></p>` : null}
    </div>
    ${dirty
      ? html`<div class="save-bar-actions">
          <button type="button" disabled=${busy} onClick=${onSave}>${busy ? t("save.saving") : t("save.save")}</button>
          <button type="button" class="secondary" disabled=${busy} onClick=${onDiscard}>${t("save.discard")}</button>
        </div>`
      : null}
  </div>`;
}
