import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Level } from "pino";

/** What the rest of the server logs through: console-shaped, so services stay unaware of pino. */
export type Log = Pick<Console, "info" | "warn" | "error"> & Partial<Pick<Console, "debug">>;

/** Runs a request's work with its id, so every line logged meanwhile carries `reqId`. */
export type LogContext = { run<T>(requestId: string, fn: () => T): T };

/**
 * Structured JSON logs, one object a line (pino). Every line logged while a request is handled carries
 * its `reqId`. Message texts and other personal data are logged at `debug` only; `redact` is a second
 * guard for anything secret-looking that reaches an object.
 */
export function createLogger(opts: { level: Level; destination?: DestinationStream }) {
  const scope = new AsyncLocalStorage<{ reqId: string }>();
  const logger = pino(
    {
      level: opts.level,
      base: undefined,
      mixin: () => scope.getStore() ?? {},
      redact: { paths: ["*.password", "*.authToken", "*.token", "*.authorization", "*.cookie", "*.body", "*.text"], censor: "[redacted]" },
    },
    opts.destination ?? pino.destination({ sync: false }),
  );
  const at =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error) as Error | undefined;
      const msg = args
        .filter((a) => !(a instanceof Error))
        .map((a) => (typeof a === "string" ? a : JSON.stringify(a)))
        .join(" ");
      if (err) logger[level]({ err }, msg);
      else logger[level](msg);
    };
  const log: Log & Pick<Console, "debug"> = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  const context: LogContext = { run: (reqId, fn) => scope.run({ reqId }, fn) };
  return { logger, log, context, flush: () => new Promise<void>((resolve) => logger.flush(() => resolve())) };
}
