import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Where attachment bytes live, by key. Keys are random names made by the server (never a shopper's
 * file name). Only a local directory exists today; an S3-compatible store is another implementation
 * of these three calls, chosen by FILE_STORE.
 */
export type FileStore = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when there is no such file. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes a file; removing one that is not there is not an error. */
  remove(key: string): Promise<void>;
};

const SAFE_KEY = /^[A-Za-z0-9_-]{16,80}(\.[a-z0-9]{2,5})?$/;

/** Files in one directory (FILE_STORE=file:/path; default data/files). Keys are always new, so a write never replaces a file. */
export function localFileStore(dir: string): FileStore {
  const at = (key: string) => {
    // Keys are ours, but a store never follows one outside its directory.
    if (!SAFE_KEY.test(key)) throw new Error(`Bad file key: ${key}`);
    return path.join(dir, key);
  };
  let made: Promise<unknown> | undefined;
  return {
    async put(key, bytes) {
      await (made ??= mkdir(dir, { recursive: true, mode: 0o700 }));
      await writeFile(at(key), bytes, { mode: 0o600, flag: "wx" });
    },
    async get(key) {
      try {
        return await readFile(at(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw err;
      }
    },
    async remove(key) {
      await rm(at(key), { force: true });
    },
  };
}

/** The store a FILE_STORE setting names: `file:<dir>` (relative to `rootDir`), or a bare directory. */
export function fileStoreFrom(setting: string, rootDir: string): FileStore {
  const dir = setting.startsWith("file:") ? setting.slice("file:".length) : setting;
  return localFileStore(path.resolve(rootDir, dir));
}
