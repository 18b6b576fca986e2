// The phone chunk (widget-phone.js, built from phone-chunk.ts) from the panel's side: imported once, on
// demand, and the small things the form needs before it arrives.
export type PhoneLib = typeof import("./phone-chunk.ts");

let url = "";
let loading: Promise<PhoneLib> | undefined;

/** Where this build's phone chunk is; set once by the panel's mount. */
export const setPhoneChunk = (chunkUrl: string) => void (url = chunkUrl);

/** The phone chunk, imported at most once (a failed import is forgotten, so the next focus tries again). */
export const loadPhoneLib = (): Promise<PhoneLib> =>
  (loading ??= import(/* @vite-ignore */ url).catch((error) => {
    loading = undefined;
    throw error;
  }));

/** Arabic-Indic, Persian and full-width digits (and the full-width plus) as ASCII: "٠١٥١" -> "0151". */
export const asciiDigits = (text: string) =>
  text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19\uff0b]/g, (c) => {
    const code = c.charCodeAt(0);
    return code === 0xff0b ? "+" : String(code & 0xf);
  });

/** The country a shopper most likely dials from: the region of their languages, of the page's, else the site's. */
export function likelyCountry(tags: readonly string[], siteCountry: string): string {
  for (const tag of tags) {
    const region = /-([a-z]{2})(?:-|$)/i.exec(tag)?.[1];
    if (region) return region.toUpperCase();
  }
  return siteCountry;
}

/** The flag emoji of a country code, from regional indicator symbols: "DE" -> the German flag. */
export const flag = (country: string) => String.fromCodePoint(...[...country].map((c) => 0x1f1a5 + c.charCodeAt(0)));
