import { html } from "../html.ts";
import { Field } from "../ui/field.ts";
import { fieldId } from "./field-errors.ts";
import { originErrors, parseOrigins } from "./origins.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";
import { t } from "../i18n/t.ts";

/** "Allowed origins": the sites that may show this widget, one origin per line (empty: any site). */
export function OriginsSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("origins");
  const [text, setText] = draft("text", props.view.settings.allowedOrigins.join("\n"));
  const problems = [...originErrors(state.errors), ...(state.errors.allowedOrigins ? [state.errors.allowedOrigins] : [])];

  contribute(() => ({ settings: { allowedOrigins: parseOrigins(text) } }));

  return html`<${SectionFrame} id="origins" title=${t("settings.section.origins")}>
    <${Field} id=${fieldId("allowedOrigins")} label=${t("origins.label")} error=${problems.join(" ") || undefined}
      hint=${html`${t("origins.hint_before")} <code>${t("origins.example")}</code> ${t("origins.hint_after")}`}>
      ${(a11y: Record<string, unknown>) => html`<textarea ...${a11y} rows="4" value=${text} spellcheck=${false} autocapitalize="off"
        onInput=${(e: Event) => setText((e.currentTarget as HTMLTextAreaElement).value)}></textarea>`}
    <//>
  <//>`;
}
