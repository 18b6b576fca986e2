// First: the pseudo-locale switch, before any module looks a text up.
import "./i18n/pseudo-switch.ts";
import { render } from "preact";
import { createApi } from "./api.ts";
import { App } from "./app.ts";
import { html } from "./html.ts";
import { interceptLinks } from "./router.ts";
import { applyTheme, storedTheme } from "./ui/theme.ts";

applyTheme(storedTheme());
const root = document.getElementById("app")!;
interceptLinks(root);
render(html`<${App} api=${createApi()} />`, root);

// The installable inbox: the worker caches the app shell (never owner data) and shows push notifications.
if ("serviceWorker" in navigator) navigator.serviceWorker.register("/admin/sw.js", { scope: "/admin" }).catch(() => undefined);
