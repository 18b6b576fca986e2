import { useState } from "preact/hooks";
import { ApiError, type Api } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { t } from "../i18n/t.ts";

/** A code on its way, as the server answers: where it went and how. */
export type CodeSent = { id: number; phone: string; delivery: "sms" | "console"; expiresAt: string };
export type PhoneStart = { verified: true; phone: string } | { verified: false; code: CodeSent } | { verified: false; error: string };

/** Where the code went, in plain words: a text, or the server console when Twilio is not set up. */
export function whereTheCodeWent(code: CodeSent): string {
  return code.delivery === "sms"
    ? t("phone_proof.texted", { phone: code.phone })
    : t("phone_proof.console", { phone: code.phone });
}

/** Enters the code texted to a number; on success the number is proved and put to use. */
export function CodeEntry({ api, code, idPrefix, onProved }: { api: Api; code: CodeSent; idPrefix: string; onProved: (phone: string) => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.send<{ phone: string }>("POST", `/phone-codes/${code.id}/confirm`, { code: value });
      onProved(r.phone);
    } catch (err) {
      setError(err instanceof ApiError ? err.fields.code ?? err.message : String(err));
      document.getElementById(`${idPrefix}-code`)?.focus();
    } finally {
      setBusy(false);
    }
  };
  // Not a <form>: it also sits inside the settings' own forms. Enter in the field confirms.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Enter") {
      e.preventDefault();
      void confirm();
    }
  };
  return html`<div class="code-entry" onKeyDown=${onKeyDown}>
    <p class="hint" role="status">${whereTheCodeWent(code)}</p>
    <${TextField} id=${`${idPrefix}-code`} label=${t("phone_proof.code")} value=${value} onValue=${setValue} error=${error ?? undefined} autocomplete="one-time-code" inputmode="numeric" required />
    <div class="actions"><button type="button" disabled=${busy} onClick=${confirm}>${busy ? t("phone_proof.checking") : t("phone_proof.confirm")}</button></div>
  </div>`;
}

/**
 * Proves a number before it gets alerts: "Text me a code", then the code. A number this account
 * already proved is taken at once.
 */
export function PhoneProof({ api, path, phone, idPrefix, label, onProved }: { api: Api; path: string; phone: string; idPrefix: string; label?: string; onProved: (phone: string) => void }) {
  const [code, setCode] = useState<CodeSent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.send<PhoneStart>("POST", path, { phone });
      if (r.verified) onProved(r.phone);
      else if ("code" in r) setCode(r.code);
    } catch (err) {
      setError(err instanceof ApiError ? err.fields.phone ?? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return html`<div class="phone-proof">
    ${code
      ? html`<${CodeEntry} api=${api} code=${code} idPrefix=${idPrefix} onProved=${(p: string) => { setCode(null); onProved(p); }} />`
      : html`<button type="button" class="secondary" disabled=${busy || !phone.trim()} onClick=${start}>${busy ? t("common.sending") : (label ?? t("phone_proof.text_me"))}</button>`}
    <${FormMessage} error=${error} />
  </div>`;
}
