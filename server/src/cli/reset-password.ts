import { eq, isNull, and } from "drizzle-orm";
import { sessions, users } from "../db/schema.ts";
import { MIN_PASSWORD } from "../services/accounts.ts";
import { hashPassword } from "../services/passwords.ts";
import { cliConfig, withDatabase } from "./context.ts";
import { readNewPassword } from "./password-input.ts";

/** `beckon reset-password EMAIL`: sets a new password for an account and ends its sessions. */
export async function run(args: string[]): Promise<number> {
  const email = args[0]?.trim().toLowerCase();
  if (!email) {
    console.error("Usage: beckon reset-password EMAIL");
    return 2;
  }
  const config = cliConfig();
  return withDatabase(config, async ({ db }) => {
    const [user] = await db.select().from(users).where(eq(users.email, email));
    if (!user) {
      console.error(`There is no account with the email ${email}.`);
      return 1;
    }
    const password = await readNewPassword();
    if (password.length < MIN_PASSWORD) {
      console.error(`Use at least ${MIN_PASSWORD} characters.`);
      return 1;
    }
    await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, user.id));
    await db.update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
    console.info(`New password set for ${email}; they are signed out everywhere.`);
    return 0;
  });
}
