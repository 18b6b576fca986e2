import { useRef } from "preact/hooks";
import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { toMessageFields, type DraftField } from "./message-field-id.ts";
import { MessageFieldsEditor } from "./message-fields-editor.ts";
import { ConsentFields } from "./consent-fields.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { t } from "../i18n/t.ts";

/** "Messages": extra fields, how fast the owner answers, where copies are emailed, and consent for messages and chat. */
export function MessagesSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("messages");
  const s = props.view.settings;
  // Saved fields are keyed by position (so an untouched list equals the saved one); new ones count on from 1000.
  const keys = useRef(1000);
  const newKey = () => ++keys.current;
  const [fields, setFields] = draft<DraftField[]>("fields", s.messageFields.map((f, i) => ({ ...f, key: i + 1 })));
  const [replyWithin, setReplyWithin] = draft("replyWithin", String(s.replyWithinHours));
  const [notifyEmail, setNotifyEmail] = draft("notifyEmail", s.notifyEmail ?? "");
  const [messageConsent, setMessageConsent] = draft("messageConsent", s.consent.message);
  const [chatConsent, setChatConsent] = draft("chatConsent", s.consent.chat);
  const err = (path: string) => errorAt(state.errors, path);

  contribute(() => {
    const replyWithinHours = Number(replyWithin);
    if (!/^\d+$/.test(replyWithin.trim()) || replyWithinHours < 1 || replyWithinHours > 72) {
      return { reject: { replyWithinHours: t("messages.hours_invalid") } };
    }
    const consent = { ...s.consent, message: messageConsent, chat: chatConsent };
    return { settings: { messageFields: toMessageFields(fields), replyWithinHours, notifyEmail: notifyEmail.trim() || null, consent } };
  });

  return html`<${SectionFrame} id="messages" title=${t("settings.section.messages")}>
    <${MessageFieldsEditor} fields=${fields} onChange=${setFields} errors=${state.errors} newKey=${newKey} />
    <${TextField} id=${fieldId("replyWithinHours")} label=${t("messages.reply_within")} type="number" inputmode="numeric" value=${replyWithin}
      onValue=${setReplyWithin} error=${err("replyWithinHours")} hint=${t("messages.reply_within_hint")} />
    <${TextField} id=${fieldId("notifyEmail")} label=${t("messages.notify_email")} type="email" value=${notifyEmail} onValue=${setNotifyEmail}
      error=${err("notifyEmail")} autocomplete="email" hint=${t("messages.notify_email_hint")} />
    <${ConsentFields} channel="message" value=${messageConsent} onValue=${setMessageConsent} errors=${state.errors} />
    <${ConsentFields} channel="chat" value=${chatConsent} onValue=${setChatConsent} errors=${state.errors} />
  <//>`;
}
