// widget-phone.js: libphonenumber-js and its metadata, a chunk of its own that the call-back form imports
// on the first focus of its phone controls, so the panel's budget holds. Its exports are the `PhoneLib`.
import { AsYouType, getCountries, getCountryCallingCode, getExampleNumber, type CountryCode } from "libphonenumber-js/min";
import examples from "libphonenumber-js/mobile/examples";

/** Every country libphonenumber knows, with its dialling code: [["DE", "49"], …]. */
export const countries = (): [string, string][] => getCountries().map((c) => [c, getCountryCallingCode(c)]);

/** What was typed, formatted as the shopper types ("015123" -> "01512 3"), read against `country`. */
export const format = (text: string, country: string): string => new AsYouType(country as CountryCode).input(text);

/** A mobile number of `country` in its national format, for the hint ("01512 3456789"), or "". */
export const example = (country: string): string => {
  try {
    return getExampleNumber(country as CountryCode, examples)?.formatNational() ?? "";
  } catch {
    return "";
  }
};
