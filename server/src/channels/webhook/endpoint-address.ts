import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

/** Where webhooks may go: public addresses only, unless ALLOW_PRIVATE_WEBHOOKS=true (tests, home networks). */
export type AddressPolicy = { allowPrivate: boolean };

// Loopback, private, link-local, CGNAT, unspecified, multicast, reserved and documentation ranges:
// a webhook aimed there could reach the server's own network (SSRF).
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24], ["203.0.113.0", 24],
  ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["2001:db8::", 32], ["64:ff9b::", 96]] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** Whether an IP address is private, loopback, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped ? blocked.check(mapped, "ipv4") : blocked.check(address, "ipv6");
}

const LOCAL_NAMES = /^(localhost|.*\.localhost|127(\.\d+){3}|\[::1\])$/i;

/** Why a URL cannot be a webhook endpoint (one sentence), or null. Checks the form only; see `resolvePublic` for the addresses. */
export function urlProblem(raw: string, policy: AddressPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, e.g. https://example.com/beckon-webhook.";
  }
  if (url.username || url.password) return "Leave the user name and password out of the URL; the signature proves the sender.";
  const local = LOCAL_NAMES.test(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) return "Use an https:// URL (plain http is only for localhost).";
  if (local && !policy.allowPrivate) return "That address is on this server's own network. Set ALLOW_PRIVATE_WEBHOOKS=true to allow it.";
  return null;
}

/**
 * Resolves a host name and fails unless every address it resolves to is public (or private ones are
 * allowed). Used both when an endpoint is saved and as the socket's own `lookup` when delivering, so
 * the address connected to is the one that was checked (a DNS answer cannot change in between).
 */
export function checkedLookup(policy: AddressPolicy) {
  return (hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad && !policy.allowPrivate) {
        const refused: NodeJS.ErrnoException = Object.assign(new Error(`${hostname} resolves to a private address (${bad.address})`), { code: "EPRIVATEADDRESS" });
        return callback(refused, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Resolves the URL's host and answers a sentence when it points at a private address (null when fine). */
export async function addressProblem(raw: string, policy: AddressPolicy): Promise<string | null> {
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "");
  const lookup = checkedLookup(policy);
  return new Promise((resolve) =>
    lookup(host, {}, (err) => {
      if (!err) return resolve(null);
      if (err.code === "EPRIVATEADDRESS") return resolve("That address is on a private network. Set ALLOW_PRIVATE_WEBHOOKS=true to allow it.");
      resolve(`Beckon could not find ${host} (${err.code ?? "DNS error"}).`);
    }),
  );
}
