// The GSM 03.38 basic character set: a message made only of these is billed at 160 characters a segment
// (153 when concatenated). One character outside it switches the whole SMS to UCS-2 at 70/67 a segment.
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const basic = new Set(GSM7_BASIC);

const lookalikes: Record<string, string> = {
  "‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "…": "...",
  "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th",
  "[": "(", "]": ")", "{": "(", "}": ")", "~": "-", "^": "", "|": "/", "\\": "/", "€": "EUR", "\t": " ",
};

/** Rewrites text into the GSM-7 basic set: accents folded, lookalikes swapped, anything else (emoji too) dropped. */
export function toGsm7(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (basic.has(ch)) out += ch;
    else if (ch in lookalikes) out += lookalikes[ch];
    else {
      const folded = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      for (const f of folded) if (basic.has(f)) out += f;
    }
  }
  return out;
}

/** Segments a GSM-7 text takes: 1 up to 160 characters, then 153 a segment. */
export function gsm7Segments(text: string): number {
  return text.length <= 160 ? 1 : Math.ceil(text.length / 153);
}
