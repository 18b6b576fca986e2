#!/usr/bin/env node
// `npx beckon <command>`: the admin command line. It runs the compiled dist/cli.js, which
// `npm run build` makes (in development, `npm run beckon -w server -- <command>` runs the sources).
try {
  await import("../dist/cli.js");
} catch (err) {
  if (err?.code !== "ERR_MODULE_NOT_FOUND" || !String(err.message).includes("dist/cli.js")) throw err;
  console.error("The command line has not been built yet: run `npm run build` first.");
  process.exit(1);
}
