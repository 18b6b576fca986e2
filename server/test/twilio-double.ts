import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

export type RecordedMessage = { sid: string; accountSid: string; to: string; from: string; body: string; form: Record<string, string>; at: number };
/** A call Twilio was asked to place; `statusCallbackEvent` keeps every repeated value. */
export type RecordedCall = { sid: string; to: string; from: string; url: string; statusCallback: string; statusCallbackEvent: string[]; at: number };

/**
 * A Twilio-compatible HTTP server for tests: the real `twilio` SDK talks to it (see TWILIO_API_BASE_URL).
 * It checks Basic auth like Twilio, records every accepted message, and can be told to fail.
 * It takes messages (Messages.json) and calls (Calls.json), and shows the account (Accounts/{sid}.json).
 * GET /_double/messages and /_double/calls list what it accepted (for e2e tests in another process).
 */
export async function startTwilioDouble(opts: { accountSid: string; authToken: string; port?: number }) {
  const messages: RecordedMessage[] = [];
  const calls: RecordedCall[] = [];
  const failures: number[] = [];
  let requests = 0;
  /** One-shot failures for the next message whose body contains `text` (set over HTTP by e2e specs). */
  const targeted: { text: string; status: number; code: number }[] = [];
  /** While set, every API request is answered with this status (an outage); `0` drops the connection. */
  let down: number | null = null;
  /** How long each message takes to be accepted, and the most ever in flight at once (concurrency checks). */
  let latencyMs = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://double");
    if (req.method === "GET" && url.pathname === "/_double/messages") return json(res, 200, messages);
    if (req.method === "GET" && url.pathname === "/_double/calls") return json(res, 200, calls);
    if (req.method === "POST" && url.pathname === "/_double/fail") {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      targeted.push(JSON.parse(raw));
      return json(res, 200, { ok: true });
    }
    requests++;
    const expected = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString("base64")}`;
    if (req.headers.authorization !== expected) {
      return json(res, 401, { code: 20003, message: "Authenticate", more_info: "https://www.twilio.com/docs/errors/20003", status: 401 });
    }
    // The account itself (what `beckon doctor` fetches to check credentials).
    if (req.method === "GET" && url.pathname === `/2010-04-01/Accounts/${opts.accountSid}.json`) {
      return json(res, 200, { sid: opts.accountSid, friendly_name: "Test account", status: "active", type: "Full" });
    }
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(url.pathname);
    if (req.method !== "POST" || !match || match[1] !== opts.accountSid) {
      return json(res, 404, { code: 20404, message: "The requested resource was not found", status: 404 });
    }
    if (down === 0) return void req.socket.destroy();
    if (down) return json(res, down, { code: 20500, message: "Service Unavailable", status: down });
    const failure = failures.shift();
    if (failure) return json(res, failure, { code: 20500, message: "Internal Server Error", status: failure });
    let raw = "";
    for await (const chunk of req) raw += chunk;
    if (match[2] === "Calls") {
      const params = new URLSearchParams(raw);
      const [to, from, callUrl] = [params.get("To"), params.get("From"), params.get("Url")];
      if (!to || !from || !callUrl) return json(res, 400, { code: 21205, message: "Url parameter is required.", status: 400 });
      const sid = `CA${randomBytes(16).toString("hex")}`;
      calls.push({ sid, to, from, url: callUrl, statusCallback: params.get("StatusCallback") ?? "", statusCallbackEvent: params.getAll("StatusCallbackEvent"), at: Date.now() });
      return json(res, 201, { sid, account_sid: match[1], to, from, status: "queued", direction: "outbound-api", uri: `${url.pathname.slice(0, -5)}/${sid}.json` });
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    const { To: to, From: from, Body: body } = form;
    const hit = targeted.findIndex((t) => body?.includes(t.text));
    if (hit >= 0) {
      const [t] = targeted.splice(hit, 1);
      return json(res, t!.status, { code: t!.code, message: "Refused by the test double", status: t!.status });
    }
    if (!to || !from || !body) return json(res, 400, { code: 21604, message: "A 'To' phone number is required.", status: 400 });
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    if (latencyMs) await new Promise((r) => setTimeout(r, latencyMs));
    inFlight--;
    const sid = `SM${randomBytes(16).toString("hex")}`;
    messages.push({ sid, accountSid: match[1], to, from, body, form, at: Date.now() });
    json(res, 201, { sid, account_sid: match[1], to, from, body, status: "queued", num_segments: "1", direction: "outbound-api", uri: `${url.pathname.slice(0, -5)}/${sid}.json` });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => json(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    calls,
    /** Answer the next request(s) with these HTTP statuses instead of accepting them. */
    failNext(...statuses: number[]) {
      failures.push(...statuses);
    },
    /** Starts (a status, or 0 for dropped connections) or ends (null) an outage: every request fails meanwhile. */
    setDown(status: number | null) {
      down = status;
    },
    /** Makes every message take `ms` to be accepted (0: at once). */
    setLatency(ms: number) {
      latencyMs = ms;
    },
    /** The most messages that were being accepted at the same time. */
    get maxInFlight() {
      return maxInFlight;
    },
    get requestCount() {
      return requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TwilioDouble = Awaited<ReturnType<typeof startTwilioDouble>>;
