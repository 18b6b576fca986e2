import { useEffect, useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import type { SettingsView } from "./types.ts";

const MAX_BYTES = 256 * 1024;
const TYPES = "image/png,image/jpeg,image/webp,image/gif";

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
    if (!TYPES.split(",").includes(file.type)) return setStatus({ error: "Choose a PNG, JPEG, WebP or GIF image." });
    if (file.size > MAX_BYTES) return setStatus({ error: `That image is ${Math.ceil(file.size / 1024)} KB; the photo must be 256 KB or smaller.` });
    setBusy(true);
    setStatus({});
    setLocal(URL.createObjectURL(file));
    try {
      onSaved(await api.send<SettingsView>("PUT", path, file));
      setStatus({ ok: "Photo saved." });
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
      setStatus({ ok: "Photo removed." });
    } catch (err) {
      setStatus({ error: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return html`<div class="field photo-field">
    <span class="label">Your photo</span>
    <p class="hint" id="photo-hint">A friendly face next to the greeting. PNG, JPEG, WebP or GIF, 256 KB at most. Saved as soon as you choose it.</p>
    <div class="photo-row">
      ${shown ? html`<img class="photo-preview" src=${shown} alt="Your photo, as the widget shows it" width="64" height="64" />`
        : html`<span class="photo-empty" aria-hidden="true">No photo</span>`}
      <label class="button secondary file-button">
        ${shown ? "Choose another photo" : "Choose a photo"}
        <input type="file" accept=${TYPES} class="visually-hidden" disabled=${busy} aria-describedby="photo-hint"
          onChange=${(e: Event) => choose(e.currentTarget as HTMLInputElement)} />
      </label>
      ${view.site.photoUrl ? html`<button type="button" class="danger" disabled=${busy} onClick=${remove}>Remove photo</button>` : null}
    </div>
    <p role="status" class=${status.error ? "field-error" : "muted"}>${busy ? "Uploading…" : (status.error ?? status.ok ?? "")}</p>
  </div>`;
}
