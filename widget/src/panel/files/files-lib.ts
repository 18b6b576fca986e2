// The files chunk (widget-files.js, built from files-chunk.ts) from the panel's side: imported on the
// first press of "Attach", never before.
import type { Picker } from "./files-chunk.ts";
import { locale } from "../i18n/translate.ts";

let asset: (file: string) => string = String;

/** Where this build's files are; set once by the panel's mount. */
export const setFilesChunk = (assetOf: (file: string) => string) => void (asset = assetOf);

/** Imports the chunk and draws its picker into `host`; undefined when it could not load (the chat still sends words). */
export const openPicker = (host: HTMLElement): Promise<Picker | undefined> =>
  import(/* @vite-ignore */ asset("widget-files.js")).then((m: typeof import("./files-chunk.ts")) => m.picker(host, asset, locale), () => undefined);
