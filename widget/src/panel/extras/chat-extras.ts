// widget-chat-extras.js: asking for an email when nobody is live, "Email me this chat" and, once the chat
// is done, "How did we do?". A chunk of its own (see later.ts): it imports Preact only as types and gets
// it, the catalog and Field from the panel. The words of the last two come with the chat, in the
// shopper's language (the server's catalogs), so the panel's catalogs do not grow.
import type { Kit, ExtrasProps } from "./later.ts";

const SCORES = ["good", "okay", "bad"] as const;

type State = { open: boolean; email: string; note: string; error: string; score: string; comment: string; rated: string; left: string; leftError?: string | undefined; leftAlert: string; saved: boolean };

/** Builds the extras' component from the panel's Preact, htm and Field. */
export default function chatExtras({ html, Component, Field, t, parts, shouldAskEmail }: Kit) {
  return class ChatExtras extends Component<ExtrasProps, State> {
    override state: State = { open: false, email: "", note: "", error: "", score: "", comment: "", rated: "", left: "", leftAlert: "", saved: false };

    async leave(event: Event) {
      event.preventDefault();
      const problem = await this.props.session.leaveEmail(this.state.left);
      this.setState(problem ? { leftError: problem.fields.email, leftAlert: problem.alert } : { saved: true, leftError: undefined, leftAlert: "" });
    }

    async mail(event?: Event) {
      event?.preventDefault();
      const { session, chat } = this.props;
      const email = this.state.email.trim();
      if (!chat.email && !this.state.open) return this.setState({ open: true });
      const result = await session.act<{ email: string }>("/transcript", email ? { email } : {});
      const w = chat.words!;
      this.setState(
        result.ok
          ? { open: false, note: w.sent!.replace("{email}", result.data.email), error: "" }
          : { error: result.error.fields?.email ?? result.error.message },
      );
    }

    async rate(event: Event) {
      event.preventDefault();
      const { score, comment } = this.state;
      if (!score) return;
      const result = await this.props.session.act("/rating", { score, comment });
      const w = this.props.chat.words!;
      this.setState({ rated: result.ok ? w.thanks! : result.status === 409 ? w.already! : result.error.message });
    }

    render({ chat, config, emailSaved }: ExtrasProps, s: State) {
      const w = chat.words;
      // Once an address is saved, say where answers go instead of asking again.
      const saved = emailSaved || s.saved;
      const askEmail = saved ? !!chat.email : !chat.email && shouldAskEmail(chat, config.availability, Date.now());
      const ask = chat.status === "done" && !chat.rating;
      return html`<div>
        ${askEmail &&
        (saved
          ? html`<p class="small" role="status">${parts("emailWhenGone", { email: html`<bdi>${chat.email}</bdi>` })}</p>`
          : html`<form novalidate class="askmail" onSubmit=${(e: Event) => this.leave(e)}>
              <${Field} id="chatmail" type="email" dir="ltr" label=${t("chatEmailAsk")} autocomplete="email"
                value=${s.left} error=${s.leftError} onValue=${(v: string) => this.setState({ left: v })} />
              <p class="alert" role="alert">${s.leftAlert}</p>
              <button class="primary">${t("saveEmail")}</button>
            </form>`)}
        ${w && html`<div>
        ${ask &&
        (s.rated
          ? html`<p role="status">${s.rated}</p>`
          : html`<form novalidate onSubmit=${(e: Event) => this.rate(e)}>
              <fieldset><legend>${w.ask}</legend>
                <div class="tel">${SCORES.map(
                  (k) => html`<button type="button" class="ch" aria-pressed=${String(s.score === k)} onClick=${() => this.setState({ score: k })}>${w[k]}</button>`,
                )}</div>
              </fieldset>
              ${s.score && html`<${Field} id="comment" multiline optional label=${w.comment} maxlength="1000" rows="2" value=${s.comment} error=${undefined} onValue=${(v: string) => this.setState({ comment: v })} />
                <button class="primary">${w.send}</button>`}
            </form>`)}
        ${s.open
          ? html`<form novalidate onSubmit=${(e: Event) => this.mail(e)}>
              <${Field} id="mailme" type="email" dir="ltr" label=${w.email} autocomplete="email" value=${s.email} error=${s.error || undefined} onValue=${(v: string) => this.setState({ email: v })} />
              <button class="primary">${w.emailMe}</button>
            </form>`
          : html`<p><button type="button" class="back" onClick=${() => this.mail()}>${w.emailMe}</button></p>
              ${!s.open && s.error && html`<p class="alert" role="alert">${s.error}</p>`}`}
        <p class="small" role="status">${s.note}</p>
      </div>`}
      </div>`;
    }
  };
}
