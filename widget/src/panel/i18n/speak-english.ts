// For unit tests of code that writes sentences: the English catalog, as the panel would load it.
import en from "../../../locales/en.json" with { type: "json" };
import { useCatalog } from "./translate.ts";

useCatalog("en", "en-US", en);
