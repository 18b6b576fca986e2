// Consent is per channel: a call-back (calls and texts), a message (email) and a chat each have their own
// "must tick a box" setting and wording. A channel without a required tick shows the privacy line only.
import { z } from "zod";

export const CONSENT_CHANNELS = ["callback", "message", "chat"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

export const DEFAULT_PRIVACY_LINE = "We only use what you send us to answer you.";
export const DEFAULT_CONSENT_TEXT: Record<ConsentChannel, string> = {
  callback: "You may call and text me about this request.",
  message: "You may email me about this message.",
  chat: "You may keep this chat and email me the answers.",
};

const channelConsent = (channel: ConsentChannel) =>
  z
    .object({
      /** Shoppers must tick a box (labelled `text`) before sending on this channel. */
      required: z.boolean().default(false),
      text: z.string().trim().min(1, "Write what the shopper agrees to.").max(300).default(DEFAULT_CONSENT_TEXT[channel]),
    })
    .prefault({});

/** The settings' consent part: the privacy line under every form, and each channel's own consent. */
export const consentSettings = {
  privacyLine: z.string().trim().max(300).default(DEFAULT_PRIVACY_LINE),
  consent: z
    .object({ callback: channelConsent("callback"), message: channelConsent("message"), chat: channelConsent("chat") })
    .prefault({}),
};

/**
 * Settings stored before consent was per channel had one `consentText` and one `consentRequired`, meant
 * for call-backs ("Shoppers must tick a box before asking for a call back") but forced on every channel.
 * Read them as: that tick and wording for call-backs only; the text as the privacy line when no tick was
 * required (it was shown as small print then). Stored settings in the new shape pass unchanged.
 */
export function migrateConsent(stored: Record<string, unknown>): Record<string, unknown> {
  if (!("consentText" in stored || "consentRequired" in stored) || "consent" in stored) return stored;
  const { consentText, consentRequired, ...rest } = stored;
  const text = typeof consentText === "string" && consentText.trim() ? consentText : undefined;
  const required = consentRequired === true;
  return {
    ...rest,
    ...(!required && text !== undefined && !("privacyLine" in rest) && { privacyLine: text }),
    consent: { callback: { required, ...(required && text !== undefined && { text }) } },
  };
}
