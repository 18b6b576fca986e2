import { render } from "preact";
import { createApi } from "./api.ts";
import { App } from "./app.ts";
import { html } from "./html.ts";
import { interceptLinks } from "./router.ts";

const root = document.getElementById("app")!;
interceptLinks(root);
render(html`<${App} api=${createApi()} />`, root);
