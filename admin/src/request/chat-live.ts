import { useRef, useState } from "preact/hooks";
import type { ChatLiveEvent } from "../inbox/use-inbox-events.ts";

/** How long "… is typing" stays without a new typing event. */
const TYPING_SHOWN_MS = 5000;
/** The owner's own typing is sent at most this often (the server drops more). */
const TYPING_EVERY_MS = 2000;

/**
 * A chat's live hints on the request page: whether the shopper is typing (fades after 5 s or when
 * their line arrives) and how far they have read; `typed` tells the shopper the owner is typing.
 */
export function useChatLive(send: () => void) {
  const [typing, setTyping] = useState(false);
  const [readUpTo, setReadUpTo] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sentAt = useRef(0);
  return {
    typing,
    readUpTo,
    hear(event: ChatLiveEvent) {
      if (event.type === "chat.seen") return setReadUpTo((n) => Math.max(n, event.upTo ?? 0));
      setTyping(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setTyping(false), TYPING_SHOWN_MS);
    },
    /** A line arrived: whoever was typing has sent it. */
    lineArrived() {
      clearTimeout(timer.current);
      setTyping(false);
    },
    typed() {
      const now = Date.now();
      if (now - sentAt.current < TYPING_EVERY_MS) return;
      sentAt.current = now;
      send();
    },
  };
}
