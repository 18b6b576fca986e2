import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import exifr from "exifr";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { attachments, requests } from "../db/schema.ts";
import { createHarness, OWNER_PHONE, post, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { localFileStore } from "../files/file-store.ts";
import { createRetentionWorker } from "../privacy/retention-worker.ts";

let h: Harness;
let owner: OwnerSession;
afterEach(async () => h?.close());

const token = "shopper-token-0123456789abcdefghijklmnop";
const base = "/api/v1/sites/shop/chats";

async function setUp(settings: Record<string, unknown> = {}) {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"], ...settings } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  owner = await signIn(h, "mara@fern.example");
}

/** A photo as a phone takes it: with the place it was taken in its EXIF. */
const gpsPhoto = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg({ quality: 80 })
    .withExif({ IFD0: { Make: "TestCam", Model: "Beckon" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 1234/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3900/100" } })
    .toBuffer();

async function startChat() {
  const res = await post(h, base, { token, message: "The handle broke off, see photo", name: "Jane" });
  return (await res.json()).id as string;
}

function upload(id: string, files: { bytes: Uint8Array; name: string; type: string }[], fields: Record<string, string> = { token }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append("file", new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type }), f.name);
  return h.app.request(`${base}/${id}/files`, { method: "POST", headers: { Origin: PUBLIC_URL }, body: form });
}

const storedFiles = () => readdirSync(h.filesDir);

describe("attachments", () => {
  it("links the photo in the transcript the shopper gets when the chat is done, and the link serves it (issue #14)", async () => {
    await setUp();
    const res = await post(h, base, { token, message: "The handle broke off, see photo", name: "Jane", email: "jane@example.com" });
    const id = (await res.json()).id as string;
    const photo = await gpsPhoto();
    const sent = await upload(id, [{ bytes: photo, name: "IMG_0001.JPG", type: "image/jpeg" }], { token, message: "Here it is" });
    expect(sent.status).toBe(201);
    const fileId = (await sent.json()).message.files[0].id as string;
    expect((await ownerRequest(h, owner, "PATCH", `/api/admin/requests/${id}`, { status: "done" })).status).toBe(200);
    await h.worker.drain();
    const mail = h.smtp.mails.find((m) => m.to.includes("jane@example.com") && /chat/i.test(m.parsed.subject ?? ""));
    expect(mail).toBeDefined();
    const link = mail!.parsed.text!.match(new RegExp(`IMG_0001\\.jpg: (${PUBLIC_URL}/f/${fileId}/\\S+)`))?.[1];
    expect(link).toBeDefined();
    expect(mail!.parsed.html).toContain(`href="${link}"`);
    const served = await h.app.request(link!.slice(PUBLIC_URL.length));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
  });

  it("stores a shopper's photo without its EXIF, texts the owner '+1 photo' and shows it to both sides", async () => {
    await setUp();
    const id = await startChat();
    await h.worker.drain();
    h.clock.advance(11 * 60_000); // past the chat's quiet spell, so this line texts the owner again
    const photo = await gpsPhoto();
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(51.5, 1) });

    const res = await upload(id, [{ bytes: photo, name: "IMG_0001.JPG", type: "image/jpeg" }], { token, message: "Here it is" });
    expect(res.status).toBe(201);
    const { message } = await res.json();
    expect(message).toMatchObject({ author: "shopper", body: "Here it is", files: [{ type: "image/jpeg", name: "IMG_0001.jpg", image: true }] });

    // On disk: the file and its thumbnail under random names; neither carries EXIF, the photo is at most 2048 px.
    const [row] = await h.db.select().from(attachments).where(eq(attachments.requestId, id));
    expect(storedFiles().sort()).toEqual([row!.storageKey, row!.thumbKey].sort());
    const stored = readFileSync(path.join(h.filesDir, row!.storageKey));
    expect(await exifr.parse(stored, { tiff: true, gps: true, exif: true, xmp: true })).toBeUndefined();
    expect(await exifr.gps(stored)).toBeUndefined();
    expect((await sharp(stored).metadata()).width).toBe(2048);

    // The owner's alert names the photo.
    await h.worker.drain();
    const alert = h.twilio.messages.filter((m) => m.to === OWNER_PHONE).at(-1)!;
    expect(alert.body).toMatch(/^Chat #1: Jane wrote again \+1 photo\n/);

    // The shopper gets it back with the chat token; the owner with a session; both as served bytes without EXIF.
    const fileId = message.files[0].id;
    const mine = await h.app.request(`${base}/${id}/files/${fileId}?token=${token}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/jpeg");
    expect(mine.headers.get("x-content-type-options")).toBe("nosniff");
    expect(mine.headers.get("cache-control")).toMatch(/^private/);
    expect(await exifr.parse(new Uint8Array(await mine.arrayBuffer()))).toBeUndefined();
    const thumb = await ownerRequest(h, owner, "GET", `/api/admin/files/${fileId}?thumb=1`);
    expect(thumb.headers.get("content-type")).toBe("image/webp");
    const detail = await (await ownerRequest(h, owner, "GET", `/api/admin/requests/${id}`)).json();
    expect(detail.chat.messages.at(-1).files).toHaveLength(1);
  });

  it("refuses an HTML page renamed .png and sent as image/png, by its content", async () => {
    await setUp();
    const id = await startChat();
    const html = new TextEncoder().encode("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
    const res = await upload(id, [{ bytes: html, name: "cute-cat.png", type: "image/png" }]);
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe("file_type_refused");
    expect(await h.db.select().from(attachments)).toHaveLength(0);
    expect(() => storedFiles()).toThrow(); // nothing was ever written
  });

  it("refuses HEIC with its own code, and more than five files", async () => {
    await setUp();
    const id = await startChat();
    // The start of an HEIC file: an ftyp box with the heic brand.
    const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode("ftypheic"), 0, 0, 0, 0, ...new TextEncoder().encode("mif1heic"), ...new Array(64).fill(0)]);
    const refused = await upload(id, [{ bytes: heic, name: "IMG_0002.HEIC", type: "image/heic" }]);
    expect((await refused.json()).error.code).toBe("heic_unsupported");
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).png().toBuffer();
    const six = await upload(id, Array.from({ length: 6 }, (_, i) => ({ bytes: png, name: `${i}.png`, type: "image/png" })));
    expect(six.status).toBe(400);
    expect((await six.json()).error.code).toBe("too_many_files");
  });

  it("answers 404 to a stranger's chat token and to another shop's owner", async () => {
    await setUp();
    const id = await startChat();
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).png().toBuffer();
    const stranger = "someone-else-0123456789abcdefghijklmnop";
    expect((await upload(id, [{ bytes: png, name: "a.png", type: "image/png" }], { token: stranger })).status).toBe(404);
    const { message } = await (await upload(id, [{ bytes: png, name: "a.png", type: "image/png" }])).json();
    const fileId = message.files[0].id;
    expect((await h.app.request(`${base}/${id}/files/${fileId}?token=${stranger}`)).status).toBe(404);
    expect((await h.app.request(`/api/admin/files/${fileId}`)).status).toBe(401);
    await createOwner(h, { email: "other@elsewhere.example", siteKey: "other" });
    const other = await signIn(h, "other@elsewhere.example");
    expect((await ownerRequest(h, other, "GET", `/api/admin/files/${fileId}`)).status).toBe(404);
    expect((await ownerRequest(h, owner, "GET", `/api/admin/files/${fileId}`)).status).toBe(200);
  });

  it("serves a PDF only as a download, and lets the owner answer with a file the shopper can open", async () => {
    await setUp();
    const id = await startChat();
    const pdf = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const form = new FormData();
    form.set("text", "Here is the invoice");
    form.append("file", new Blob([pdf], { type: "application/pdf" }), "invoice.pdf");
    const res = await h.app.request(`/api/admin/requests/${id}/files`, { method: "POST", headers: { Cookie: owner.cookie, Origin: PUBLIC_URL, "X-CSRF-Token": owner.csrfToken }, body: form });
    expect(res.status).toBe(201);
    const { message } = await res.json();
    expect(message).toMatchObject({ author: "owner", body: "Here is the invoice", files: [{ type: "application/pdf", image: false }] });
    const chat = await (await h.app.request(`${base}/${id}?token=${token}`)).json();
    const file = chat.messages.at(-1).files[0];
    const got = await h.app.request(`${base}/${id}/files/${file.id}?token=${token}`);
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="invoice.pdf"/);
    expect(got.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("emails a gone shopper the owner's files as signed links that open only that file", async () => {
    await setUp();
    const res = await post(h, base, { token, message: "Do you have the invoice?", email: "jane@example.com" });
    const id = (await res.json()).id as string;
    const form = new FormData();
    form.set("text", "Attached");
    form.append("file", new Blob([await gpsPhoto()], { type: "image/jpeg" }), "mug.jpg");
    await h.app.request(`/api/admin/requests/${id}/files`, { method: "POST", headers: { Cookie: owner.cookie, Origin: PUBLIC_URL, "X-CSRF-Token": owner.csrfToken }, body: form });
    h.clock.advance(2 * 60_000 + 1);
    await h.worker.drain();
    const mail = h.smtp.mails.find((m) => m.to.includes("jane@example.com"))!;
    const link = new RegExp(`${PUBLIC_URL}(/f/[\\w-]+/[\\w-]+)`).exec(mail.parsed.text ?? "")![1]!;
    expect(mail.parsed.text).toContain("mug.jpg: ");
    const got = await h.app.request(link);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("image/jpeg");
    expect(await exifr.gps(new Uint8Array(await got.arrayBuffer()))).toBeUndefined();
    expect((await h.app.request(`${link.slice(0, -3)}abc`)).status).toBe(404);
  });

  it("removes the files from disk when the customer is erased", async () => {
    await setUp();
    const id = await startChat();
    await upload(id, [{ bytes: await gpsPhoto(), name: "a.jpg", type: "image/jpeg" }]);
    expect(storedFiles()).toHaveLength(2);
    const [request] = await h.db.select().from(requests).where(eq(requests.id, id));
    const res = await ownerRequest(h, owner, "DELETE", `/api/admin/customers/${request!.customerId}`);
    expect(res.status).toBe(200);
    expect(storedFiles()).toEqual([]);
    expect(await h.db.select().from(attachments)).toHaveLength(0);
  });

  it("removes the files from disk when retention deletes their request", async () => {
    await setUp({ retentionMonths: 1 });
    const id = await startChat();
    await upload(id, [{ bytes: await gpsPhoto(), name: "a.jpg", type: "image/jpeg" }]);
    expect(storedFiles()).toHaveLength(2);
    h.clock.advance(40 * 24 * 3600_000);
    const run = await createRetentionWorker({ db: h.db, clock: h.clock, log: h.log, pollMs: 20, files: localFileStore(h.filesDir) }).drain();
    expect(run?.sites[h.site.id]).toMatchObject({ requests: 1, attachments: 1 });
    expect(run?.tables.files).toBe(1);
    expect(storedFiles()).toEqual([]);
    expect(await h.db.select().from(attachments)).toHaveLength(0);
  });
});
