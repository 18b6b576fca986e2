import { useState } from "preact/hooks";
import { html } from "../html.ts";
import { t } from "../i18n/t.ts";

/** Owner answers with files: up to 5 photos (JPEG, PNG, WebP) or PDFs, 10 MB each, with optional words. */
export function AttachForm({ onSend }: { onSend: (form: FormData) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const el = e.currentTarget as HTMLFormElement;
    const form = new FormData(el);
    if (!form.getAll("file").some((f) => f instanceof File && f.size > 0)) return setMessage({ ok: false, text: t("files.choose") });
    setBusy(true);
    setMessage(null);
    try {
      await onSend(form);
      el.reset();
      setMessage({ ok: true, text: t("request.sent") });
    } catch (err) {
      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  return html`<form class="attach-form" onSubmit=${submit} novalidate>
    <label for="owner-files">${t("files.owner_label")}</label>
    <p class="hint muted" id="owner-files-hint">${t("files.owner_hint")}</p>
    <input id="owner-files" name="file" type="file" multiple accept="image/jpeg,image/png,image/webp,application/pdf" aria-describedby="owner-files-hint" />
    <input type="hidden" name="text" value="" />
    <button type="submit" class="button" disabled=${busy}>${busy ? t("common.sending") : t("files.send")}</button>
    ${message ? html`<p class=${`form-message ${message.ok ? "form-success" : "form-error"}`} role=${message.ok ? "status" : "alert"}>${message.text}</p>` : null}
  </form>`;
}
