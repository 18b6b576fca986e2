import { useState } from "preact/hooks";
import { ApiError } from "../api.ts";
import { html } from "../html.ts";
import { FormMessage, TextField } from "../ui/field.ts";
import { SavedAnswerBox, type Picker } from "./saved-answer-picker.ts";

type Props = {
  id: string;
  label: string;
  hint?: string;
  button: string;
  busyButton: string;
  done: string;
  /** Sends the text; throws ApiError on failure (its field error for `text` shows at the box). */
  onSend: (text: string) => Promise<void>;
  /** Saved answers to offer on `/` (answers to the shopper only). */
  picker?: Picker | undefined;
  /** Called as the text changes (a chat answer tells the shopper "is typing"). */
  onType?: () => void;
};

/** A labelled text box with one button: notes, email replies and chat answers. */
export function TextForm(p: Props) {
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    setDone(null);
    try {
      await p.onSend(text);
      setText("");
      setDone(p.done);
    } catch (err) {
      if (err instanceof ApiError && err.fields.text) setFieldError(err.fields.text);
      else setError(err instanceof Error ? err.message : String(err));
      document.getElementById(p.id)?.focus();
    } finally {
      setBusy(false);
    }
  };
  const onValue = (v: string) => (setText(v), p.onType?.());
  return html`<form class="text-form" noValidate onSubmit=${submit}>
    ${p.picker
      ? html`<${SavedAnswerBox} id=${p.id} label=${p.label} hint=${p.hint} value=${text} onValue=${onValue} error=${fieldError} picker=${p.picker} />`
      : html`<${TextField} id=${p.id} label=${p.label} hint=${p.hint} value=${text} onValue=${onValue} error=${fieldError} multiline rows=${3} />`}
    <${FormMessage} error=${error} success=${done} />
    <div class="actions"><button type="submit" disabled=${busy}>${busy ? p.busyButton : p.button}</button></div>
  </form>`;
}
