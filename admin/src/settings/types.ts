// The shapes of the settings API, as @beckon/contract describes them (the server's schema must equal them).
export type { MessageField } from "@beckon/contract/config";
export type { SettingsUpdate, SettingsView, SiteSettings } from "@beckon/contract/settings";
