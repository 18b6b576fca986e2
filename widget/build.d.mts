/** The gzip budget of widget.js, in bytes. */
export declare const GZIP_BUDGET: number;
/** Builds widget.js and returns its size: raw, gzip (level 9) and brotli (quality 11) bytes. */
export declare function buildWidget(options?: { outfile?: string }): Promise<{ bytes: number; gzip: number; brotli: number }>;
