// One shopper's chat, outside Preact: it keeps the lines, the stream and the stored token, so the
// chat carries on (and counts unread answers) while the panel is closed, and survives page loads.
import { locale } from "./i18n/translate.ts";
import { forgetChat, readChat, saveChat, type StoredChat } from "../shared/chat-store.ts";
import { lastOwnerId, mergeLine, pendingLine, withState, type Line, type ServerLine } from "./chat-lines.ts";
import { noProblem, problemFrom, type Problem } from "./form.ts";
import type { ProofOfWork } from "./proof-of-work.ts";
import { request } from "../shared/http.ts";
import { newIdempotencyKey } from "./random-key.ts";
import type { Send } from "../panel-host.ts";
import type { HttpResult } from "../shared/http.ts";
import type { Picker } from "./files/files-chunk.ts";

type Transcript = { id: string; status: string; email: string | null; messages: ServerLine[]; lastEventId: number; seenUpTo?: number; ownerSeenUpTo?: number; ownerAvailable: boolean; rating?: unknown; words?: Record<string, string> };

export type ChatState = {
  /** Whether a chat exists (the shopper has sent a first line). */
  started: boolean;
  lines: Line[];
  email: string | null;
  ownerAvailable: boolean;
  /** When the shopper's first line went out: after a while unanswered, the widget asks for an email. */
  startedAt: number;
  busy: boolean;
  problem: Problem;
  /** The owner is typing (cleared by their line, or 5 s without a new "typing"). */
  typing?: boolean;
  /** The newest line the owner has had open: "Seen" under the shopper's lines up to it. */
  ownerSeen?: number;
  /** As the transcript last said (extras/chat-extras.ts): whether it is done and rated, and the words for that. */
  status?: string;
  rating?: unknown;
  words?: Record<string, string>;
};

/** `consent`: the tick, when the site asks for one before a chat. */
export type StartValues = { name: string; email: string; message: string; company: string; consent?: boolean };

export type ChatSession = {
  readonly state: ChatState;
  /** Answers not shown to the shopper yet. */
  readonly unread: number;
  subscribe(listener: () => void): () => void;
  /** Picks up the stored chat, if any: its transcript, then its live stream. */
  resume(): Promise<void>;
  start(values: StartValues): Promise<boolean>;
  say(body: string): Promise<void>;
  retry(key: string): Promise<void>;
  leaveEmail(email: string): Promise<Problem | null>;
  /** The shopper is typing: tells the owner, at most once every 2 s. */
  typing(): void;
  /** Posts `body` (with the token) to `chats/<id><path>`: the lazy extras' "email me" and rating. */
  act<T>(path: string, body: object): Promise<HttpResult<T>>;
  /** Sends the picker's files as a line, with `body` if any. */
  attach(picker: Picker, body: string): Promise<void>;
  /** A file of this chat (its thumbnail with `thumb`), readable with the chat's token. */
  file(id: string, thumb?: 1): string;
  /** The panel shows the chat (or not): shown answers are no longer unread, and the server hears they were seen. */
  setVisible(visible: boolean): void;
};

/**
 * Creates the chat for `site`. It posts through the panel host's `send` (like the forms); `base`
 * (`{api}/api/v1/sites/{site}`) is for what it reads: the transcript and the live stream. `onUnread` gets
 * the count of answers not yet shown.
 */
export function createChatSession(send: Send, base: string, site: string, onUnread: (count: number) => void, proof?: ProofOfWork): ChatSession {
  let state: ChatState = { started: false, lines: [], email: null, ownerAvailable: false, startedAt: 0, busy: false, problem: noProblem };
  let chat: StoredChat | null = readChat(site);
  let source: EventSource | undefined;
  let visible = false;
  let seen = 0;
  let unread = 0;
  let typedAt = 0;
  let quiet: ReturnType<typeof setTimeout>;
  const listeners = new Set<() => void>();

  const set = (patch: Partial<ChatState>) => {
    state = { ...state, ...patch };
    const newest = lastOwnerId(state.lines);
    if (visible && newest > seen) markSeen(newest);
    unread = visible ? 0 : state.lines.filter((l) => l.author === "owner" && l.id > seen).length;
    onUnread(unread);
    listeners.forEach((fn) => fn());
  };
  const post = <T>(path: string, body: object) => send<T>(`chats${path}`, { token: chat?.token, ...body });

  function markSeen(upTo: number) {
    seen = upTo;
    if (chat) void post(`/${chat.id}/seen`, { upTo });
  }

  function listen(after: number) {
    source?.close();
    source = new EventSource(`${base}/chats/${chat!.id}/events?token=${chat!.token}&lastEventId=${after}`);
    const on = (type: string, fn: (data: any) => Partial<ChatState>) =>
      source!.addEventListener(type, (event) => {
        try {
          set(fn(JSON.parse((event as MessageEvent<string>).data)));
        } catch {}
      });
    on("message", (line: ServerLine) => ({ lines: mergeLine(state.lines, line), typing: state.typing && line.author !== "owner" }));
    // Live only, never stored: the owner is typing; it fades after 5 s unless another comes.
    on("typing", () => {
      clearTimeout(quiet);
      quiet = setTimeout(() => set({ typing: false }), 5000);
      return { typing: true };
    });
    on("seen", (d: { upTo: number }) => ({ ownerSeen: d.upTo }));
  }

  function adopt(t: Transcript) {
    // What the widget showed before a reload counts as seen (the server keeps how far); the rest is new.
    if (!seen) seen = typeof t.seenUpTo === "number" ? t.seenUpTo : lastOwnerId(t.messages);
    let lines = state.lines;
    for (const m of t.messages) lines = mergeLine(lines, m);
    set({ started: true, lines, email: t.email, ownerAvailable: t.ownerAvailable, startedAt: state.startedAt || Date.now(), ownerSeen: t.ownerSeenUpTo, status: t.status, rating: t.rating, words: t.words });
    listen(t.lastEventId);
  }

  async function sendLine(key: string, body: string) {
    set({ lines: withState(state.lines, key, "sending") });
    const result = await post<{ message: ServerLine }>(`/${chat!.id}/messages`, { message: body, clientId: key });
    set({ lines: result.ok ? mergeLine(state.lines, result.data.message) : withState(state.lines, key, "failed") });
  }

  return {
    get state() {
      return state;
    },
    get unread() {
      return unread;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async resume() {
      if (!chat || state.started) return;
      const result = await request<Transcript>(`${base}/chats/${chat.id}?token=${chat.token}`);
      if (result.ok) return adopt(result.data);
      if (result.status === 404) {
        forgetChat(site); // gone or expired: the next line starts afresh
        chat = null;
      }
    },
    async start(values) {
      if (state.busy) return false;
      // A chat from an earlier page that has not loaded yet: carry it on rather than start another.
      if (chat) await this.resume();
      if (state.started) {
        await this.say(values.message.trim());
        return true;
      }
      const key = newIdempotencyKey();
      const token = chat?.token ?? newIdempotencyKey() + newIdempotencyKey();
      set({ busy: true, problem: noProblem });
      const result = await send<Transcript>("chats", { token, name: values.name.trim(), email: values.email.trim(), message: values.message.trim(), clientId: key, company: values.company, consent: values.consent, locale, altcha: await proof?.get() });
      if (result.ok) proof?.spent();
      if (!result.ok) {
        set({ busy: false, problem: problemFrom(result, (f) => f === "name" || f === "email" || f === "message" || f === "consent") });
        return false;
      }
      // Only now, after the shopper's first line is stored, does anything go into the page's storage.
      chat = { id: result.data.id, token };
      saveChat(site, chat);
      state = { ...state, busy: false, startedAt: Date.now() };
      adopt(result.data);
      return true;
    },
    async say(body) {
      const key = newIdempotencyKey();
      set({ lines: [...state.lines, pendingLine(body, key, new Date())] });
      await sendLine(key, body);
    },
    async retry(key) {
      const line = state.lines.find((l) => l.key === key);
      if (line) await sendLine(key, line.body);
    },
    async attach(picker, body) {
      const line = await picker.send(this.file(""), { token: chat!.token, message: body, locale });
      line && set({ lines: mergeLine(state.lines, line) });
    },
    file: (id, thumb) => `${base}/chats/${chat!.id}/files${id && `/${id}?token=${chat!.token}${thumb ? "&thumb=1" : ""}`}`,
    async leaveEmail(email) {
      const result = await post<{ email: string }>(`/${chat!.id}/email`, { email: email.trim() });
      if (!result.ok) return problemFrom(result, (f) => f === "email");
      set({ email: result.data.email });
      return null;
    },
    act: (path, body) => post(`/${chat!.id}${path}`, body),
    typing() {
      const now = Date.now();
      if (chat && state.started && now - typedAt >= 2000) {
        typedAt = now;
        void post(`/${chat.id}/typing`, {});
      }
    },
    setVisible(shown) {
      visible = shown;
      set({});
    },
  };
}
