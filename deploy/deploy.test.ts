import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const here = import.meta.dirname;
const read = (file: string) => readFileSync(path.join(here, file), "utf8");

/** A systemd unit file as sections of repeated keys (systemd's INI dialect: `#`/`;` comments, `Key=value`). */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const unit: Record<string, Record<string, string[]>> = {};
  let section: Record<string, string[]> | undefined;
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[([A-Za-z]+)\]$/.exec(line);
    if (header) {
      section = unit[header[1]!] = {};
      continue;
    }
    const pair = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!pair || !section) throw new Error(`line ${i + 1} is not Key=value inside a [Section]: ${raw}`);
    (section[pair[1]!] ??= []).push(pair[2]!);
  }
  return unit;
}

const one = (unit: ReturnType<typeof parseUnit>, section: string, key: string) => {
  const values = unit[section]?.[key];
  expect(values, `${section}.${key}`).toHaveLength(1);
  return values![0]!;
};
const environment = (unit: ReturnType<typeof parseUnit>) => Object.fromEntries((unit.Service?.Environment ?? []).map((e) => e.split(/=(.*)/s).slice(0, 2)));

describe("deploy/ example files", () => {
  const service = parseUnit(read("beckon.service"));

  it("beckon.service runs the compiled server as a restarting service, behind a proxy, with its data in its state directory", () => {
    expect(Object.keys(service)).toEqual(["Unit", "Service", "Install"]);
    expect(one(service, "Unit", "Description")).toBeTruthy();
    expect(one(service, "Service", "ExecStart")).toMatch(/^\/usr\/bin\/node (--\S+ )*server\/dist\/index\.js$/);
    expect(one(service, "Service", "Restart")).toBe("always");
    expect(one(service, "Service", "KillSignal")).toBe("SIGTERM");
    expect(Number(one(service, "Service", "TimeoutStopSec"))).toBeGreaterThan(10); // the server's own grace is 10 s
    expect(one(service, "Service", "User")).toBe("beckon");
    expect(one(service, "Service", "WorkingDirectory")).toMatch(/^\//);
    expect(one(service, "Install", "WantedBy")).toBe("multi-user.target");
    const env = environment(service);
    expect(env.TRUST_PROXY).toBe("true");
    expect(env.HOST).toBe("127.0.0.1");
    expect(env.DATABASE_URL).toBe(`file:/var/lib/${one(service, "Service", "StateDirectory")}/beckon.db`);
    // The path the unit starts is the one the build writes and `npm run serve` runs.
    const serverPkg = JSON.parse(readFileSync(path.join(here, "../server/package.json"), "utf8"));
    expect(serverPkg.scripts.serve).toContain("dist/index.js");
  });

  it("Caddy forwards to the port the service listens on", () => {
    const caddy = read("Caddyfile");
    const upstream = /^\s*reverse_proxy\s+(\S+):(\d+)\s*$/m.exec(caddy);
    expect(upstream).toBeTruthy();
    expect(upstream![1]).toBe(environment(service).HOST);
    expect(upstream![2]).toBe(environment(service).PORT);
    // Braces balance: one site block.
    expect(caddy.split("{").length).toBe(caddy.split("}").length);
  });

  it("the nightly backup runs `beckon backup` into the state directory, from a timer", () => {
    const backup = parseUnit(read("beckon-backup.service"));
    expect(one(backup, "Service", "Type")).toBe("oneshot");
    expect(one(backup, "Service", "ExecStart")).toContain("server/bin/beckon.js backup /var/lib/beckon/backups/");
    expect(one(backup, "Service", "WorkingDirectory")).toBe(one(service, "Service", "WorkingDirectory"));
    expect(environment(backup).DATABASE_URL).toBe(environment(service).DATABASE_URL);
    const timer = parseUnit(read("beckon-backup.timer"));
    expect(one(timer, "Timer", "OnCalendar")).toBeTruthy();
    expect(one(timer, "Timer", "Unit")).toBe("beckon-backup.service");
    expect(one(timer, "Install", "WantedBy")).toBe("timers.target");
  });
});
