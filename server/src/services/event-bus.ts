/** Something an open inbox should hear about. Carries ids only; listeners load what they show. */
export type InboxEvent = { type: "request.created" | "request.updated"; siteId: number; requestId: string };

export type EventBus = {
  publish(event: InboxEvent): void;
  subscribe(listener: (event: InboxEvent) => void): () => void;
};

/** An in-process bus: the inbox's live updates within one server process. */
export function createEventBus(log: Pick<Console, "error">): EventBus {
  const listeners = new Set<(event: InboxEvent) => void>();
  return {
    publish(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (err) {
          log.error("inbox event listener failed", err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
