import { useEffect, useRef, useState } from "preact/hooks";
import type { RequestSummary } from "./types.ts";

/** What the request page hears live about a chat: the shopper is typing, or has read up to `upTo`. */
export type ChatLiveEvent = { type: "chat.typing" | "chat.seen"; requestId: string; upTo?: number };

export type InboxEvent = { type: "request.created" | "request.updated"; request: RequestSummary };

/**
 * Listens to the site's live inbox stream while mounted. EventSource reconnects by itself and sends
 * Last-Event-ID, and the server replays what was missed, so nothing here retries or dedupes.
 * Returns whether the stream is connected.
 */
export function useInboxEvents(site: string, onEvent: (event: InboxEvent) => void, onLive?: (event: ChatLiveEvent) => void): boolean {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const live_ = useRef(onLive);
  live_.current = onLive;
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/admin/sites/${encodeURIComponent(site)}/events`);
    const forward = (type: InboxEvent["type"]) => (e: MessageEvent<string>) => handler.current({ type, request: JSON.parse(e.data) as RequestSummary });
    source.addEventListener("ready", () => setLive(true));
    source.addEventListener("request.created", forward("request.created"));
    source.addEventListener("request.updated", forward("request.updated"));
    // Live only, never stored (server/src/chat/chat-live.ts): a shopper typing, or reading an answer.
    for (const type of ["chat.typing", "chat.seen"] as const) source.addEventListener(type, (e: MessageEvent<string>) => live_.current?.({ type, ...(JSON.parse(e.data) as { requestId: string; upTo?: number }) }));
    source.onerror = () => setLive(source.readyState === EventSource.OPEN);
    return () => source.close();
  }, [site]);
  return live;
}
