import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

export type PhoneResult = { ok: true; e164: string; country: string | undefined } | { ok: false; message: string };

/** Parses what a shopper typed into E.164, reading national formats against the site's default country. */
export function parsePhone(input: string, defaultCountry: string): PhoneResult {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: "Enter your phone number." };
  if (!/^[+\d\s().\-/]+$/.test(trimmed) || trimmed.replace(/\D/g, "").length < 5) {
    return { ok: false, message: "Enter a phone number using digits, e.g. +1 415 555 0123." };
  }
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry as CountryCode);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      message: trimmed.startsWith("+")
        ? "That doesn't look like a real phone number. Please check it."
        : `That doesn't look like a real phone number. Check it, or add your country code (e.g. +44).`,
    };
  }
  return { ok: true, e164: parsed.number, country: parsed.country };
}
