import { fileURLToPath } from "node:url";
import { E2E } from "./env.ts";

/**
 * The signed-in owner's browser state, saved by the setup project (specs/first-run.setup.ts). Named
 * by port: cookies ignore ports, so two suites running side by side (E2E_PORT_BASE) must not share it.
 */
export const OWNER_STATE = fileURLToPath(new URL(`../.auth/owner-${E2E.port}.json`, import.meta.url));
