import { useEffect, useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import { squarePhoto } from "./photo-resize.ts";
import type { SettingsView } from "./types.ts";
import { t } from "../i18n/t.ts";

// What we read before shrinking: any photo a phone makes, but not a file that would stall the page.
const MAX_SOURCE_BYTES = 40 * 1024 * 1024;

type Props = { api: Api; view: SettingsView; onSaved: (view: SettingsView) => void };

/** The owner's photo for the widget: chosen, previewed and uploaded at once; or removed. */
export function PhotoField({ api, view, onSaved }: Props) {
  const [local, setLocal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ error?: string; ok?: string }>({});
  useEffect(() => () => void (local && URL.revokeObjectURL(local)), [local]);
  const path = `/sites/${encodeURIComponent(view.site.key)}/photo`;
  const shown = local ?? view.site.photoUrl;

  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.type && !file.type.startsWith("image/")) return setStatus({ error: t("photo.choose_image") });
    if (file.size > MAX_SOURCE_BYTES) return setStatus({ error: t("photo.too_big", { mb: Math.round(file.size / 1048576) }) });
    setBusy(true);
    setStatus({});
    let photo: Blob;
    try {
      // Shrunk in the browser to a 256 px square, so an ordinary phone photo fits the server's 256 KB.
      photo = await squarePhoto(file);
    } catch (err) {
      setBusy(false);
      return setStatus({ error: err instanceof Error ? err.message : String(err) });
    }
    setLocal(URL.createObjectURL(photo));
    try {
      onSaved(await api.send<SettingsView>("PUT", path, photo));
      setStatus({ ok: t("photo.saved") });
    } catch (err) {
      setLocal(null);
      setStatus({ error: err instanceof ApiError || err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setStatus({});
    try {
      await api.send("DELETE", path);
      setLocal(null);
      onSaved({ ...view, site: { ...view.site, photoUrl: null } });
      setStatus({ ok: t("photo.removed") });
    } catch (err) {
      setStatus({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return html`<div class="field photo-field">
    <span class="label">${t("photo.label")}</span>
    <p class="hint" id="photo-hint">${t("photo.hint")}</p>
    <div class="photo-row">
      ${shown ? html`<img class="photo-preview" src=${shown} alt=${t("photo.alt")} width="64" height="64" />`
        : html`<span class="photo-empty" aria-hidden="true">${t("photo.none")}</span>`}
      <label class="button secondary file-button">
        ${shown ? t("photo.choose_another") : t("photo.choose")}
        <input type="file" accept="image/*" class="visually-hidden" disabled=${busy} aria-describedby="photo-hint"
          onChange=${(e: Event) => choose(e.currentTarget as HTMLInputElement)} />
      </label>
      ${view.site.photoUrl ? html`<button type="button" class="danger" disabled=${busy} onClick=${remove}>${t("photo.remove")}</button>` : null}
    </div>
    <p role="status" class=${status.error ? "field-error" : "muted"}>${busy ? t("photo.uploading") : (status.error ?? status.ok ?? "")}</p>
  </div>`;
}
