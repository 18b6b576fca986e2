// The shapes of the settings API, taken from the server's own schema (types only: nothing is bundled).
import type { SiteSettings, MessageField } from "../../../server/src/sites/site-settings.ts";

export type { SiteSettings, MessageField };

/** `GET`/`PUT /api/admin/sites/:site/settings`. */
export type SettingsView = {
  site: { key: string; name: string; ownerPhone: string | null; /** False for a number stored before numbers had to be proved. */ ownerPhoneProved?: boolean; photoUrl: string | null };
  settings: SiteSettings;
};

/** What a section sends: any of these, merged over what is stored by the server. */
export type SettingsUpdate = { name?: string; ownerPhone?: string | null; settings?: Partial<SiteSettings> };
