import { useEffect, useState } from "preact/hooks";
import type { Api } from "../api.ts";
import { html } from "../html.ts";
import { t } from "../i18n/t.ts";
import { FormMessage } from "../ui/field.ts";
import { currentSubscription, deviceLabel, pushSupported, subscribeBrowser } from "./push-browser.ts";

type Device = { id: number; label: string | null; endpoint: string; endpointHost: string; createdAt: string };
type Via = "push" | "sms" | "both";
type Prefs = { via: Via; quiet: { from: string; to: string } | null };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * "This device": turn push notifications on for this browser, see and remove this person's devices,
 * choose push, SMS or both for this site and quiet hours, and send a test notification.
 */
export function ThisDeviceSection({ api, siteKey }: { api: Api; siteKey: string }) {
  const base = `/sites/${encodeURIComponent(siteKey)}`;
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [mine, setMine] = useState<string | null>(null);
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  const [zone, setZone] = useState("");
  const [quietOn, setQuietOn] = useState(false);
  const [from, setFrom] = useState("22:00");
  const [to, setTo] = useState("07:00");
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);

  const loadDevices = () => api.get<{ devices: Device[] }>("/push/subscriptions").then((d) => setDevices(d.devices));
  useEffect(() => {
    void loadDevices().catch((err) => setMessage({ error: errorText(err) }));
    void currentSubscription().then((s) => setMine(s?.endpoint ?? null), () => setMine(null));
    api.get<{ prefs: Prefs; timezone: string }>(`${base}/alert-prefs`).then((d) => {
      setPrefs(d.prefs);
      setZone(d.timezone);
      setQuietOn(!!d.prefs.quiet);
      if (d.prefs.quiet) {
        setFrom(d.prefs.quiet.from);
        setTo(d.prefs.quiet.to);
      }
    }, (err) => setMessage({ error: errorText(err) }));
  }, [siteKey]);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage({});
    try {
      setMessage({ success: await work() });
    } catch (err) {
      setMessage({ error: errorText(err) });
    } finally {
      setBusy(false);
    }
  };
  const turnOn = () =>
    act(async () => {
      const { publicKey } = await api.get<{ publicKey: string }>("/push/key");
      const subscription = await subscribeBrowser(publicKey);
      if (!subscription) throw new Error(t("device.denied"));
      await api.send("POST", "/push/subscriptions", { subscription, label: deviceLabel() });
      setMine(subscription.endpoint ?? null);
      await loadDevices();
      return t("device.on");
    });
  const remove = (d: Device) =>
    act(async () => {
      await api.send("DELETE", "/push/subscriptions", { endpoint: d.endpoint });
      if (d.endpoint === mine) {
        await (await currentSubscription())?.unsubscribe();
        setMine(null);
      }
      await loadDevices();
      return t("device.removed", { name: d.label ?? d.endpointHost });
    });
  const test = () =>
    act(async () => {
      const r = await api.send<{ devices: number }>("POST", `${base}/push/test`);
      return t("device.test_sent", { count: r.devices });
    });
  const savePrefs = (e: Event) => {
    e.preventDefault();
    if (!prefs) return;
    void act(async () => {
      const r = await api.send<{ prefs: Prefs }>("PUT", `${base}/alert-prefs`, { via: prefs.via, quiet: quietOn ? { from, to } : null });
      setPrefs(r.prefs);
      return t("device.saved");
    });
  };

  const thisOne = devices?.find((d) => d.endpoint === mine);
  const supported = pushSupported();
  return html`<section class="card this-device" id="this-device" aria-labelledby="this-device-title">
    <h2 id="this-device-title">${t("device.title")}</h2>
    <p class="hint">${t("device.intro")}</p>
    ${!supported
      ? html`<p role="note">${t("device.unsupported")}</p>`
      : thisOne
        ? html`<p role="status">${t("device.this_on")}</p>`
        : html`<div class="actions"><button type="button" onClick=${turnOn} disabled=${busy}>${t("device.turn_on")}</button></div>`}
    <h3>${t("device.devices")}</h3>
    ${devices === null
      ? html`<p role="status">${t("common.loading")}</p>`
      : devices.length
        ? html`<ul class="member-list device-list">${devices.map(
            (d) => html`<li><span class="member-name">${d.label ?? d.endpointHost}</span>
              ${d.endpoint === mine ? html` <span class="badge">${t("device.this_badge")}</span>` : null}
              <span class="muted"> ${t("device.since", { date: new Date(d.createdAt).toLocaleDateString() })}</span>
              <button type="button" class="link-button" onClick=${() => remove(d)} disabled=${busy}>${t("device.remove")}<span class="visually-hidden"> ${d.label ?? d.endpointHost}</span></button></li>`,
          )}</ul>
          <div class="actions"><button type="button" class="secondary" onClick=${test} disabled=${busy}>${t("device.test")}</button></div>`
        : html`<p class="muted">${t("device.none")}</p>`}
    ${prefs
      ? html`<form noValidate onSubmit=${savePrefs}>
          <fieldset class="device-via"><legend>${t("device.via")}</legend>
            ${(["push", "sms", "both"] as const).map(
              (v) => html`<label class="check"><input type="radio" name="alert-via" value=${v} checked=${prefs.via === v}
                onChange=${() => setPrefs({ ...prefs, via: v })} /> ${t(`device.via_${v}`)}</label>`,
            )}
          </fieldset>
          <label class="check"><input type="checkbox" id="quiet-on" checked=${quietOn} onChange=${(e: Event) => setQuietOn((e.currentTarget as HTMLInputElement).checked)} /> ${t("device.quiet", { zone })}</label>
          ${quietOn
            ? html`<div class="quiet-hours">
                <div class="field"><label for="quiet-from">${t("device.quiet_from")}</label><input id="quiet-from" type="time" value=${from} onInput=${(e: Event) => setFrom((e.currentTarget as HTMLInputElement).value)} /></div>
                <div class="field"><label for="quiet-to">${t("device.quiet_to")}</label><input id="quiet-to" type="time" value=${to} onInput=${(e: Event) => setTo((e.currentTarget as HTMLInputElement).value)} /></div>
              </div>
              <p class="hint">${t("device.quiet_hint")}</p>`
            : null}
          <div class="actions"><button type="submit" disabled=${busy}>${t("device.save")}</button></div>
        </form>`
      : null}
    <${FormMessage} error=${message.error} success=${message.success} />
  </section>`;
}
