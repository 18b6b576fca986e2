import { html } from "../html.ts";
import { Field } from "../ui/field.ts";
import { fieldId } from "./field-errors.ts";
import { originErrors, parseOrigins } from "./origins.ts";
import { useSettingsSection } from "./page-state.ts";
import { SectionFrame, type SectionProps } from "./section.ts";

/** "Allowed origins": the sites that may show this widget, one origin per line (empty: any site). */
export function OriginsSection(props: SectionProps) {
  const { state, draft, contribute } = useSettingsSection("origins");
  const [text, setText] = draft("text", props.view.settings.allowedOrigins.join("\n"));
  const problems = [...originErrors(state.errors), ...(state.errors.allowedOrigins ? [state.errors.allowedOrigins] : [])];

  contribute(() => ({ settings: { allowedOrigins: parseOrigins(text) } }));

  return html`<${SectionFrame} id="origins" title="Allowed origins">
    <${Field} id=${fieldId("allowedOrigins")} label="Sites that may show the widget" error=${problems.join(" ") || undefined}
      hint=${html`One origin per line, like <code>https://shop.example.com</code> (no path). Leave it empty and any site can
        show the widget (a new site starts that way); with a list, the widget refuses to work on pages from any other
        site. This stops other sites from reusing your site key in browsers; it is not a password.`}>
      ${(a11y: Record<string, unknown>) => html`<textarea ...${a11y} rows="4" value=${text} spellcheck=${false} autocapitalize="off"
        onInput=${(e: Event) => setText((e.currentTarget as HTMLTextAreaElement).value)}></textarea>`}
    <//>
  <//>`;
}
