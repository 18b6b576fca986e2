type Size = { bytes: number; gzip: number; brotli: number };
/** Gzip budgets in bytes: the loader, the panel, and both together. */
export declare const BUDGETS: { loader: number; panel: number; total: number };
/** The gzip budget of widget.js, in bytes. */
export declare const GZIP_BUDGET: number;
/** Builds widget.js and widget-panel.js into `outdir` and returns the size of each and the gzip total. */
export declare function buildWidget(options?: { outdir?: string }): Promise<{
  loader: Size;
  panel: Size;
  total: number;
  files: { loader: string; panel: string };
}>;
