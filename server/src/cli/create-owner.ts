import { parseArgs } from "node:util";
import { systemClock } from "../clock.ts";
import { DomainError } from "../domain-errors.ts";
import { parsePhone } from "../customers/phone.ts";
import { runSetup, setupInput } from "../accounts/accounts.ts";
import { parseOrThrow } from "../http/validation.ts";
import { ensureDemoSite } from "../sites/sites.ts";
import { cliConfig, withDatabase } from "./context.ts";
import { readNewPassword } from "./password-input.ts";

/** `beckon create-owner`: the first-run setup (owner account and their site) without a browser. */
export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      site: { type: "string" },
      phone: { type: "string" },
      timezone: { type: "string", default: Intl.DateTimeFormat().resolvedOptions().timeZone },
      country: { type: "string", default: "US" },
    },
  });
  const config = cliConfig();
  return withDatabase(config, async ({ db }) => {
    await ensureDemoSite(db, { publicUrl: config.publicUrl, ownerPhone: config.ownerPhone });
    const password = await readNewPassword();
    try {
      // Whoever runs this on the server is the operator: the number given here counts as proved, as
      // OWNER_PHONE does, so no code is texted.
      const typed = parsePhone(values.phone ?? "", values.country);
      const deps = { db, clock: systemClock, sms: undefined, log: console, operatorPhone: typed.ok ? typed.e164 : config.ownerPhone };
      const { user } = await runSetup(deps, parseOrThrow(setupInput, {
        name: values.name ?? "",
        email: values.email ?? "",
        password,
        siteName: values.site ?? "",
        ownerPhone: values.phone ?? "",
        timezone: values.timezone,
        phoneCountry: values.country,
      }));
      console.info(`Owner ${user.email} created. Sign in at ${config.publicUrl}/admin`);
      return 0;
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const flag: Record<string, string> = { siteName: "--site", ownerPhone: "--phone", phoneCountry: "--country", password: "password" };
      console.error(err.message);
      for (const [field, message] of Object.entries(err.fields ?? {})) console.error(`  ${flag[field] ?? `--${field}`}: ${message}`);
      return 1;
    }
  });
}
