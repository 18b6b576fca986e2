import type { MiddlewareHandler } from "hono";
import type { Clock } from "../clock.ts";
import { clientIp } from "../http/client-ip.ts";
import { RateLimited } from "../domain-errors.ts";
import type { SiteVars } from "../http/site-access.ts";
import type { Budget, Counters } from "./counters.ts";

export type SubmissionLimits = {
  /** Accepted submissions per address per 10 minutes. */
  ipPer10Min: number;
  /** Accepted submissions per site per hour. */
  sitePerHour: number;
  /** Rejected submissions (invalid, honeypot, spam) per address per 10 minutes: a separate, higher budget. */
  rejectedPer10Min: number;
};

declare module "hono" {
  interface ContextVariableMap {
    /** Set by a route whose 2xx answer was not a real submission (honeypot, spam): counted as rejected. */
    submissionRejected?: boolean;
  }
}

const TEN_MINUTES = 10 * 60_000;
const HOUR = 60 * 60_000;

/** Answers 429 with the real wait in Retry-After. */
export function rateLimited(seconds: number, message = "Too many requests. Please try again later."): RateLimited {
  return new RateLimited("rate_limited", message, seconds);
}

/**
 * Limits shopper submissions (call-backs, messages, new chats). Only accepted ones count toward the
 * address's and the site's budgets; rejected ones count toward a separate per-address budget, so junk
 * from a few addresses cannot use up a shop's limit and lock real shoppers out.
 */
export function submissionLimits(deps: { counters: Counters; clock: Clock; trustProxy: boolean; limits: SubmissionLimits }): MiddlewareHandler<SiteVars> {
  const { counters, clock, limits } = deps;
  return async (c, next) => {
    const ip = clientIp(c, deps.trustProxy);
    const accepted: Budget[] = [
      { key: `ip:${ip}`, limit: limits.ipPer10Min, windowMs: TEN_MINUTES },
      { key: `site:${c.get("site").id}`, limit: limits.sitePerHour, windowMs: HOUR },
    ];
    const rejected: Budget[] = [{ key: `rejected:${ip}`, limit: limits.rejectedPer10Min, windowMs: TEN_MINUTES }];
    const wait = await counters.exhausted([...accepted, ...rejected], clock.now());
    if (wait !== null) throw rateLimited(wait, `Too many requests. Please try again in ${waitWords(wait)}.`);
    await next();
    const status = c.res.status;
    if (status >= 500 || status === 429) return;
    await counters.count(status < 300 && !c.get("submissionRejected") ? accepted : rejected, clock.now());
  };
}

/** A wait in plain words: "40 seconds", "7 minutes". */
export function waitWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Counts every request under `key(c)`: for budgets where accepted and rejected are alike (chat lines). */
export function everyRequestLimit(deps: { counters: Counters; clock: Clock }, budget: (c: Parameters<MiddlewareHandler<SiteVars>>[0]) => Budget, message: string): MiddlewareHandler<SiteVars> {
  return async (c, next) => {
    const wait = await deps.counters.hit([budget(c)], deps.clock.now());
    if (wait !== null) throw rateLimited(wait, message);
    await next();
  };
}
