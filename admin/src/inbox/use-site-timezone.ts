import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";

/** The site's time zone, which every time in the inbox is shown in (the browser's until it has loaded). */
export function useSiteTimezone(api: Api, site: string): string {
  const [zone, setZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
  useEffect(() => {
    api
      .get<{ settings: { timezone: string } }>(`/sites/${encodeURIComponent(site)}/settings`)
      .then((view) => setZone(view.settings.timezone))
      .catch(() => undefined);
  }, [site]);
  return zone;
}

/** The current time, refreshed every `everyMs`, so "5 min ago" stays true. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
