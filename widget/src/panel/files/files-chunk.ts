// widget-files.js: everything about attaching files, a chunk of its own that the chat or the message form imports the first
// time the shopper presses "Attach". Plain DOM (no Preact: a second copy would not mix with the panel's).
// Its words come from widget-files-locale-<l>.js: the `files.*` keys of widget/locales/<l>.json.
import type { ChatLine } from "@beckon/contract/answers";
import { request, type HttpResult } from "../../shared/http.ts";

type Words = Record<string, string>;
/** The chat's side of the picker: what it has chosen, and sending it as one line. */
export type Picker = {
  /** How many files are chosen and ready. */
  count(): number;
  /** Posts the chosen files (and `fields`) to `url`; the stored line, or null after saying what went wrong. */
  send(url: string, fields: Record<string, string>): Promise<ChatLine | null>;
  /**
   * A form sent with the chosen files ("Send a message"): `body` as the JSON `body` part. A refused file
   * is said here, by the picker, and answered with an empty message so the form does not say it again.
   */
  post<T>(url: string, body: object, key?: string): Promise<HttpResult<T>>;
};

export const MAX_FILES = 5;
export const MAX_BYTES = 10 * 1024 * 1024;
/** Longest side of a photo once downscaled in the browser. */
export const MAX_SIDE = 2048;
const IMAGE = /^image\/(jpeg|png|webp)$/;
/** The server's refusals, by code, as this chunk's words. */
const CODES: Record<string, string> = { file_type_refused: "files.type", heic_unsupported: "files.heic", file_too_large: "files.big", too_many_files: "files.many", file_unreadable: "files.type" };

/** A picture drawn again on a canvas, at most MAX_SIDE px: what comes out has pixels and nothing else (no EXIF, no GPS). */
export async function redraw(file: File): Promise<File> {
  const bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, file.type, 0.85));
  if (!blob) throw new Error("encode");
  return new File([blob], file.name, { type: blob.type });
}

/** Why a file cannot go (a `files.*` key), or the file as it will be sent. */
export async function prepare(file: File): Promise<File | string> {
  if (/^image\/hei[cf]/.test(file.type) || /\.hei[cf]$/i.test(file.name)) return "files.heic";
  let ready: File | undefined;
  if (IMAGE.test(file.type)) ready = await redraw(file).catch(() => undefined);
  else if (new TextDecoder().decode(await file.slice(0, 5).arrayBuffer()) === "%PDF-") ready = file;
  if (!ready) return "files.type";
  return ready.size > MAX_BYTES ? "files.big" : ready;
}

/**
 * Draws the picker into `host`: a labelled file input, the chosen files each with a remove button, and
 * an alert line that screen readers announce. Focus moves to the input.
 */
export async function picker(host: HTMLElement, asset: (file: string) => string, locale: string): Promise<Picker> {
  const load = (code: string): Promise<Words> => import(/* @vite-ignore */ asset(`widget-files-locale-${code}.js`)).then((m: { default: Words }) => m.default);
  const words = await load(locale).catch(() => load("en").catch(() => ({}) as Words));
  const w = (key: string, name = "") => (words[key] ?? key).replace("{name}", name);
  const chosen: File[] = [];
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: object = {}): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);

  const label = el("label", { htmlFor: "beckon-files", textContent: w("files.label") });
  const input = el("input", { type: "file", id: "beckon-files", multiple: true, accept: "image/jpeg,image/png,image/webp,application/pdf,.heic,.heif" });
  const list = el("ul", { className: "files" });
  const alert = el("p", { className: "alert" });
  alert.setAttribute("role", "alert");
  host.replaceChildren(label, input, list, alert);
  const say = (key: string, name?: string) => void (alert.textContent = key && w(key, name));

  const draw = () => {
    list.replaceChildren(
      ...chosen.map((file, i) => {
        const remove = el("button", { type: "button", className: "back", textContent: "×" });
        remove.setAttribute("aria-label", w("files.remove", file.name));
        remove.onclick = () => {
          chosen.splice(i, 1);
          draw();
          input.focus();
        };
        const item = el("li", { textContent: `${file.name} ` });
        item.append(remove);
        return item;
      }),
    );
  };

  input.onchange = async () => {
    const picked = [...(input.files ?? [])];
    input.value = ""; // the same file can be chosen again after a removal
    say("");
    for (const file of picked) {
      if (chosen.length >= MAX_FILES) return say("files.many");
      const ready = await prepare(file);
      if (typeof ready === "string") return say(ready, file.name);
      chosen.push(ready);
      draw();
    }
  };
  input.focus();

  /** Posts `fields` and the chosen files as one multipart/form-data request. */
  const upload = async <T>(url: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    for (const f of chosen) form.append("file", f, f.name);
    say("files.sending");
    const result = await request<T>(url, { method: "POST", headers, body: form });
    say("");
    return result;
  };

  return {
    count: () => chosen.length,
    async send(url, fields) {
      const result = await upload<{ message: ChatLine }>(url, fields);
      if (!result.ok) return say(CODES[result.error.code] ?? "files.failed"), null;
      chosen.length = 0;
      draw();
      return result.data.message;
    },
    async post<T>(url: string, body: object, key?: string) {
      const result = await upload<T>(url, { body: JSON.stringify(body) }, key ? { "Idempotency-Key": key } : {});
      const code = !result.ok && CODES[result.error.code];
      return code ? (say(code), { ...result, error: { code: result.error.code, message: "" } }) : result;
    },
  };
}
