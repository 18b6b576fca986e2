import { useRef, useState } from "preact/hooks";
import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { toMessageFields, type DraftField } from "./message-field-id.ts";
import { MessageFieldsEditor } from "./message-fields-editor.ts";
import { ConsentFields } from "./consent-fields.ts";
import { SectionFrame, useSectionSave, type SectionProps } from "./section.ts";

/** "Messages": extra fields, how fast the owner answers, where copies are emailed, and consent for messages and chat. */
export function MessagesSection(props: SectionProps) {
  const { form, state, save, reject } = useSectionSave(props);
  const s = props.view.settings;
  const keys = useRef(0);
  const newKey = () => ++keys.current;
  const [fields, setFields] = useState<DraftField[]>(() => s.messageFields.map((f) => ({ ...f, key: newKey() })));
  const [replyWithin, setReplyWithin] = useState(String(s.replyWithinHours));
  const [notifyEmail, setNotifyEmail] = useState(s.notifyEmail ?? "");
  const [messageConsent, setMessageConsent] = useState(s.consent.message);
  const [chatConsent, setChatConsent] = useState(s.consent.chat);
  const err = (path: string) => errorAt(state.errors, path);

  const submit = async () => {
    const replyWithinHours = Number(replyWithin);
    if (!/^\d+$/.test(replyWithin.trim()) || replyWithinHours < 1 || replyWithinHours > 72) {
      return reject({ replyWithinHours: "Enter a whole number of hours, from 1 to 72." });
    }
    const consent = { ...props.view.settings.consent, message: messageConsent, chat: chatConsent };
    const saved = await save({ settings: { messageFields: toMessageFields(fields), replyWithinHours, notifyEmail: notifyEmail.trim() || null, consent } });
    if (saved) setFields(saved.settings.messageFields.map((f) => ({ ...f, key: newKey() })));
  };

  return html`<${SectionFrame} id="messages" title="Messages" form=${form} state=${state} onSubmit=${submit}>
    <${MessageFieldsEditor} fields=${fields} onChange=${setFields} errors=${state.errors} newKey=${newKey} />
    <${TextField} id=${fieldId("replyWithinHours")} label="Usually answer within (hours)" type="number" inputmode="numeric" value=${replyWithin}
      onValue=${setReplyWithin} error=${err("replyWithinHours")} hint="During opening hours; 1 to 72. The automatic reply promises this." />
    <${TextField} id=${fieldId("notifyEmail")} label="Email messages to" type="email" value=${notifyEmail} onValue=${setNotifyEmail}
      error=${err("notifyEmail")} autocomplete="email" hint="Leave empty to use your account's email address." />
    <${ConsentFields} channel="message" before="to be emailed before sending a message" value=${messageConsent} onValue=${setMessageConsent} errors=${state.errors} />
    <${ConsentFields} channel="chat" before="before starting a chat" value=${chatConsent} onValue=${setChatConsent} errors=${state.errors} />
  <//>`;
}
