import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import examples from "libphonenumber-js/mobile/examples";
import { asciiDigits } from "./phone-digits.ts";

export type PhoneResult = { ok: true; e164: string; country: string | undefined } | { ok: false; message: string };

/** A mobile number of `country` as its people write it ("01512 3456789"), for hints; "" when unknown. */
export const exampleNumber = (country: string) => getExampleNumber(country as CountryCode, examples)?.formatNational() ?? "";

/**
 * Parses what a shopper typed into E.164, reading national formats against `defaultCountry` (the
 * country they chose beside the number, else the site's). Arabic-Indic and full-width digits count.
 */
export function parsePhone(input: string, defaultCountry: string): PhoneResult {
  const trimmed = asciiDigits(input).trim();
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
        : `That doesn't look like a real phone number for ${regionName(defaultCountry)} (e.g. ${exampleNumber(defaultCountry)}). Check it, or choose your country.`,
    };
  }
  return { ok: true, e164: parsed.number, country: parsed.country };
}

const regionName = (country: string) => new Intl.DisplayNames(["en"], { type: "region" }).of(country) ?? country;
