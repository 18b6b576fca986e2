/** Arabic-Indic, Persian and full-width digits (and the full-width plus) as ASCII: "٠١٥١" -> "0151". */
export const asciiDigits = (text: string) =>
  text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19\uff0b]/g, (c) => {
    const code = c.charCodeAt(0);
    return code === 0xff0b ? "+" : String(code & 0xf);
  });
