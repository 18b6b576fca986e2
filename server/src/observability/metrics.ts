import { sql } from "drizzle-orm";
import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { OutboxChannel } from "../db/schema.ts";
import type { SendOutcome } from "../outbox/outbox-worker.ts";

/**
 * The Prometheus metrics of one process (its own registry, nothing global): HTTP requests by route and
 * status, outbox depth and oldest due age (read from the database when scraped), sends by channel and
 * outcome, and open event streams (SSE clients).
 */
export function createMetrics(deps: { db: Db; clock: Clock; sseClients: () => number; channels: OutboxChannel[] }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "beckon_" });
  const http = new Counter({ name: "beckon_http_requests_total", help: "HTTP requests by method, route pattern and status", labelNames: ["method", "route", "status"], registers: [registry] });
  const sends = new Counter({ name: "beckon_outbox_sends_total", help: "Outbox send attempts by channel and outcome", labelNames: ["channel", "outcome"], registers: [registry] });
  const depth = new Gauge({ name: "beckon_outbox_depth", help: "Notifications waiting to be sent (pending or sending)", labelNames: ["channel"], registers: [registry] });
  const oldest = new Gauge({ name: "beckon_outbox_oldest_due_age_seconds", help: "How long the oldest due notification has been waiting", labelNames: ["channel"], registers: [registry] });
  new Gauge({
    name: "beckon_sse_clients",
    help: "Open event streams (inbox and chat)",
    registers: [registry],
    collect() {
      this.set(deps.sseClients());
    },
  });

  async function readOutbox() {
    const now = deps.clock.now().getTime();
    const rows = await deps.db.all<{ channel: OutboxChannel; n: number; due: number | null }>(
      sql`SELECT channel, count(*) AS n, min(CASE WHEN status = 'pending' AND next_attempt_at <= ${now} THEN next_attempt_at END) AS due
          FROM outbox WHERE status IN ('pending', 'sending') GROUP BY channel`,
    );
    for (const channel of deps.channels) {
      const row = rows.find((r) => r.channel === channel);
      depth.set({ channel }, row?.n ?? 0);
      oldest.set({ channel }, row?.due ? Math.max(0, (now - row.due) / 1000) : 0);
    }
  }

  return {
    observeRequest(method: string, route: string, status: number) {
      http.inc({ method, route, status: String(status) });
    },
    onOutcome(channel: OutboxChannel, outcome: SendOutcome) {
      sends.inc({ channel, outcome });
    },
    contentType: registry.contentType,
    async text(): Promise<string> {
      await readOutbox();
      return registry.metrics();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
