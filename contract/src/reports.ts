// The reports page's answer (GET /api/admin/sites/:site/reports): the server computes it, the owner app draws it.

export type DayCounts = { date: string; callback: number; message: number; chat: number };

/** The figures for the last `days` local days up to `to`. */
export type Report = {
  days: number;
  timeZone: string;
  /** The first local midnight of the period and its end (ISO instants). */
  from: string;
  to: string;
  perDay: DayCounts[];
  totals: { requests: number; callback: number; message: number; chat: number };
  /** Median wait for the first answer (the larger middle value on an even count), of answered requests. */
  firstAnswer: { answered: number; medianMs: number | null };
  /** Requests answered by the shop's promise, of those whose promise has come due or that were answered. */
  withinPromise: { promiseHours: number; due: number; within: number; share: number | null };
  /** Calls to the shopper that did not connect (busy, no answer, failed, 0 s). */
  missedCalls: number;
  /** The shoppers' ratings given in the period ("How did we do?"). */
  ratings: { good: number; okay: number; bad: number };
  /** Requests by weekday (0 = Monday … 6 = Sunday) and hour (0-23), in the site's zone. */
  busiestHours: number[][];
};

export type ReportAnswer = { report: Report; weeklySummary: boolean };
