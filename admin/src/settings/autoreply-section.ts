import { useMemo } from "preact/hooks";
import { html } from "../html.ts";
import { TextField } from "../ui/field.ts";
import { renderReply, sampleViews, templateVariables } from "./autoreply-preview.ts";
import { errorAt, fieldId } from "./field-errors.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { t } from "../i18n/t.ts";

const VARIABLE_HELP: Record<string, string> = Object.fromEntries(
  (["firstName", "name", "topic", "ownerName", "siteName", "replyTime", "returning"] as const).map((v) => [v, t(`autoreply.var.${v}`)]),
);

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
    { title: t("autoreply.first"), view: views.first },
    { title: t("autoreply.returning"), view: views.returning },
  ].map((p) => ({ ...p, out: renderReply({ subject, body }, s.messageFields, p.view) }));

  return html`<${SectionFrame} id="autoreply" title=${t("settings.section.autoreply")}
    intro=${html`<p class="muted">${t("autoreply.intro")}</p>`}>
    <label class="check" id=${fieldId("autoReply.enabled")}><input type="checkbox" checked=${enabled}
      onChange=${(e: Event) => setEnabled((e.currentTarget as HTMLInputElement).checked)} /> <span>${t("autoreply.enabled")}</span></label>
    <${TextField} id=${fieldId("autoReply.subject")} label=${t("autoreply.subject")} value=${subject} onValue=${setSubject} error=${err("autoReply.subject")} />
    <${TextField} id=${fieldId("autoReply.body")} label=${t("autoreply.body")} multiline rows=${10} value=${body} onValue=${setBody} error=${err("autoReply.body")}
      hint=${t("autoreply.body_hint")} />
    <details class="variables">
      <summary>${t("autoreply.variables")}</summary>
      <dl>
        ${templateVariables(s.messageFields).map(
          (v) => html`<div><dt><code data-user-text>{{${v}}}</code></dt><dd>${VARIABLE_HELP[v] ?? t("autoreply.var.field", { label: s.messageFields.find((f) => `fields.${f.id}` === v)?.label ?? v })}</dd></div>`,
        )}
      </dl>
      <p class="hint">${t("autoreply.plain")}</p>
    </details>
    <h3>${t("autoreply.preview")}</h3>
    ${"problem" in previews[0]!.out
      ? html`<p class="field-error preview-problem">${previews[0]!.out.problem}</p>`
      : html`<div class="reply-previews">
          ${previews.map(
            (p) => html`<figure class="reply-preview">
              <figcaption>${p.title}</figcaption>
              ${"subject" in p.out
                ? html`<p class="reply-subject"><span class="muted">${t("autoreply.subject_label")}</span><span data-user-text>${p.out.subject}</span></p><pre class="reply-body" data-user-text>${p.out.body}</pre>`
                : null}
            </figure>`,
          )}
        </div>`}
  <//>`;
}
