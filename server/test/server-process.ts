import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { LOAD_ENV } from "./load-env.ts";

const serverDir = path.resolve(import.meta.dirname, "..");

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A real Beckon server process (`src/index.ts` run by tsx, as `npm start` runs it) with `env` on top
 * of a quiet test environment. Resolves once it says it is running.
 */
export async function startServerProcess(env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://localhost:${port}`,
      ...LOAD_ENV,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (output.includes("Beckon is running")) {
        clearInterval(check);
        resolve();
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(check);
      reject(new Error(`server exited with ${code} before it ran:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    publicUrl: `http://localhost:${port}`,
    child,
    exited,
    get output() {
      return output;
    },
    /** Stops it if it still runs (tests that already stopped it get its exit code). */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
  };
}

/** Posts one call-back to the demo site as a shopper's widget would. */
export function postCallback(server: { url: string; publicUrl: string }, name: string) {
  return fetch(`${server.url}/api/v1/sites/demo/callbacks`, {
    method: "POST",
    headers: { "Content-Type": "text/plain", Origin: server.publicUrl },
    body: JSON.stringify({ name, phone: "+14155550123", when: "asap" }),
  });
}
