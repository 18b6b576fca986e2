/**
 * The command that resets a password on the server itself, for owners without SMTP. `npx beckon` works
 * both in a development checkout (after `npm start`) and in a production install, which has no devDependencies.
 */
export const RESET_COMMAND = "npx beckon reset-password you@example.com";
