type Size = { bytes: number; gzip: number; brotli: number };
/** Gzip budgets in bytes: the loader, the panel with its largest locale, and the loader, panel and locale together. */
export declare const BUDGETS: { loader: number; panel: number; total: number };
/** The gzip budget of widget.js, in bytes. */
export declare const GZIP_BUDGET: number;
/** The locales with a catalog in widget/locales/, English first. */
export declare function localeCodes(): Promise<string[]>;
/** Builds every widget file into `outdir` and returns their sizes (`panel`: with its largest locale). */
export declare function buildWidget(options?: { outdir?: string }): Promise<{
  loader: Size;
  panel: Size;
  panelAlone: Size;
  locales: Record<string, Size>;
  phone: Size;
  sha256: Size;
  version: string;
  total: number;
  files: { loader: string; panel: string; phone: string; sha256: string; locales: Record<string, string> };
}>;
