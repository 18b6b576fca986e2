import { useMemo } from "preact/hooks";
import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { renderReply, sampleViews, templateVariables } from "./autoreply-preview.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";

const VARIABLE_HELP: Record<string, string> = {
  firstName: "the shopper's first name",
  name: "the shopper's full name",
  topic: "what the message is about (may be empty)",
  ownerName: "your first name, or “The … team”",
  siteName: "your site's name",
  replyTime: "“within 2 hours”, or “by Monday 11:00” when closed or away",
  returning: "a section: {{#returning}}…{{/returning}} for returning shoppers, {{^returning}}…{{/returning}} for new ones",
};

/** "Automatic reply": the email a shopper gets after sending a message, with a live preview. */
export function AutoReplySection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("autoreply");
  const s = props.view.settings;
  const [enabled, setEnabled] = draft("enabled", s.autoReply.enabled);
  const [subject, setSubject] = draft("subject", s.autoReply.subject);
  const [body, setBody] = draft("body", s.autoReply.body);
  contribute(() => ({ settings: { autoReply: { enabled, subject, body } } }));
  const err = (path: string) => errorAt(state.errors, path);

  // The preview uses the saved extra fields and reply time: those are what the server fills in.
  const views = useMemo(() => sampleViews({ ...s, siteName: props.view.site.name }), [props.view]);
  const previews = [
    { title: "A first-time shopper", view: views.first },
    { title: "A returning shopper", view: views.returning },
  ].map((p) => ({ ...p, out: renderReply({ subject, body }, s.messageFields, p.view) }));

  return html`<${SectionFrame} id="autoreply" title="Automatic reply"
    intro=${html`<p class="muted">Sent by email to a shopper after they send a message (at most one an hour to the same address).</p>`}>
    <label class="check" id=${fieldId("autoReply.enabled")}><input type="checkbox" checked=${enabled}
      onChange=${(e: Event) => setEnabled((e.currentTarget as HTMLInputElement).checked)} /> <span>Send an automatic reply</span></label>
    <${TextField} id=${fieldId("autoReply.subject")} label="Subject" value=${subject} onValue=${setSubject} error=${err("autoReply.subject")} />
    <${TextField} id=${fieldId("autoReply.body")} label="Message" multiline rows=${10} value=${body} onValue=${setBody} error=${err("autoReply.body")}
      hint="Plain text. Blank lines start a new paragraph." />
    <details class="variables">
      <summary>Variables you can use</summary>
      <dl>
        ${templateVariables(s.messageFields).map(
          (v) => html`<div><dt><code>{{${v}}}</code></dt><dd>${VARIABLE_HELP[v] ?? `the shopper's answer to “${s.messageFields.find((f) => `fields.${f.id}` === v)?.label ?? v}”`}</dd></div>`,
        )}
      </dl>
      <p class="hint">What shoppers type is always inserted as plain text.</p>
    </details>
    <h3>Preview</h3>
    ${"problem" in previews[0]!.out
      ? html`<p class="field-error preview-problem">${previews[0]!.out.problem}</p>`
      : html`<div class="reply-previews">
          ${previews.map(
            (p) => html`<figure class="reply-preview">
              <figcaption>${p.title}</figcaption>
              ${"subject" in p.out
                ? html`<p class="reply-subject"><span class="muted">Subject: </span>${p.out.subject}</p><pre class="reply-body">${p.out.body}</pre>`
                : null}
            </figure>`,
          )}
        </div>`}
  <//>`;
}
