/// <reference path="./http-ece.d.ts" />
import { createECDH, createPublicKey, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import * as ece from "http_ece";

export type PushReceived = { path: string; headers: IncomingHttpHeaders; body: Buffer; answered: number };

/**
 * A local push service standing in for FCM / Mozilla's autopush: records every POST to /push/<name>,
 * answers 201 Created, or 410 Gone for a subscription `expire()` named.
 */
export async function startPushDouble(opts: { port?: number } = {}) {
  const received: PushReceived[] = [];
  const expired = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      if (req.method === "GET" && path === "/_double/pushes") {
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(received.map((r) => ({ ...r, body: r.body.toString("base64") }))));
        return;
      }
      const status = expired.has(path) ? 410 : 201;
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks), answered: status });
      res.writeHead(status, { "Content-Type": "text/plain", ...(status === 201 && { Location: `/messages/${received.length}` }) }).end(status === 201 ? "" : "push subscription has unsubscribed or expired");
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    received,
    /** A fresh endpoint on this double, as a browser's PushSubscription would hold. */
    endpoint: (name: string) => `${origin}/push/${name}`,
    /** From now on, pushes to `endpoint` answer 410 Gone. */
    expire: (endpoint: string) => void expired.add(new URL(endpoint).pathname),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's half of a push subscription: its own P-256 key pair and auth secret, and what it can decrypt. */
export function makeDevice(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16).toString("base64url");
  return {
    subscription: { endpoint, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth } },
    /** Decrypts an aes128gcm push body with this device's private key and auth secret, and parses the JSON. */
    decrypt: (body: Buffer): unknown => JSON.parse(ece.decrypt(body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth }).toString("utf8")),
  };
}

/**
 * Checks a push request's `Authorization: vapid t=<JWT>, k=<key>` header: `k` is `publicKey`, and the
 * JWT's ES256 signature verifies against it. Returns the JWT's header and claims for further checks.
 */
export function verifyVapid(authorization: string | undefined, publicKey: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!match) throw new Error(`not a VAPID Authorization header: ${authorization}`);
  const [, jwt, key] = match;
  if (key !== publicKey) throw new Error("the VAPID key is not the server's public key");
  const [head, claims, signature] = jwt!.split(".");
  const raw = Buffer.from(publicKey, "base64url"); // 0x04 || x || y
  const jwk = { kty: "EC", crv: "P-256", x: raw.subarray(1, 33).toString("base64url"), y: raw.subarray(33, 65).toString("base64url") };
  const ok = verify("sha256", Buffer.from(`${head}.${claims}`), { key: createPublicKey({ key: jwk, format: "jwk" }), dsaEncoding: "ieee-p1363" }, Buffer.from(signature!, "base64url"));
  if (!ok) throw new Error("the VAPID JWT's signature does not verify");
  return {
    header: JSON.parse(Buffer.from(head!, "base64url").toString()) as { typ: string; alg: string },
    claims: JSON.parse(Buffer.from(claims!, "base64url").toString()) as { aud: string; exp: number; sub: string },
  };
}
