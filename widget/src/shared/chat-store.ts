// Where a chat lives between pages: the host page's localStorage, under a key of our own. Storage can
// be missing or throw (privacy modes, sandboxed frames, a full quota), so every access is guarded and a
// failure simply means the chat is not remembered. Nothing is written before the shopper's first line.

export type StoredChat = { id: string; token: string };

const keyFor = (site: string) => `beckon:${site}:chat`;

/** The chat this browser has open on `site`, if any. */
export function readChat(site: string): StoredChat | null {
  try {
    const value = JSON.parse(localStorage.getItem(keyFor(site)) || "null");
    return typeof value?.id === "string" && typeof value.token === "string" ? value : null;
  } catch {
    return null;
  }
}

export function saveChat(site: string, chat: StoredChat): void {
  try {
    localStorage.setItem(keyFor(site), JSON.stringify(chat));
  } catch {}
}

export function forgetChat(site: string): void {
  try {
    localStorage.removeItem(keyFor(site));
  } catch {}
}

/** Whether a chat is going on, for the loader (which must not pull in more than this). */
export function hasStoredChat(site: string): boolean {
  return readChat(site) !== null;
}
