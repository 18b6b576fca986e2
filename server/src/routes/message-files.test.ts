import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import exifr from "exifr";
import sharp from "sharp";
import { afterEach, describe, expect, it } from "vitest";
import { attachments, requests } from "../db/schema.ts";
import { createHarness, OWNER_PHONE, PUBLIC_URL, type Harness } from "../../test/harness.ts";
import { createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";
import { localFileStore } from "../files/file-store.ts";
import { createRetentionWorker } from "../privacy/retention-worker.ts";

// Issue #14: photos and PDFs with "Send a message", and with the owner's emailed reply.

let h: Harness;
let owner: OwnerSession;
afterEach(async () => h?.close());

const OWNER_EMAIL = "mara@fern.example";
const message = { name: "Jane Doe", email: "jane@example.com", topic: "Broken mug", message: "The handle came off, see the photo." };

async function setUp(settings: Record<string, unknown> = {}) {
  h = await createHarness({ settings: { channels: ["callback", "message", "chat"], ...settings } });
  await createOwner(h, { email: OWNER_EMAIL, siteId: h.site.id });
  owner = await signIn(h, OWNER_EMAIL);
}

/** A photo as a phone takes it: with the place it was taken in its EXIF. */
const gpsPhoto = () =>
  sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg({ quality: 80 })
    .withExif({ IFD0: { Make: "TestCam", Model: "Beckon" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 1234/100", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 3900/100" } })
    .toBuffer();

type Upload = { bytes: Uint8Array; name: string; type: string };

/** What the widget posts: the message's JSON as the `body` part, and the files. */
function sendWithFiles(body: unknown, files: Upload[], headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set("body", JSON.stringify(body));
  for (const f of files) form.append("file", new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: f.type }), f.name);
  return h.app.request("/api/v1/sites/shop/messages/files", { method: "POST", headers: { Origin: PUBLIC_URL, ...headers }, body: form });
}

const storedFiles = () => {
  try {
    return readdirSync(h.filesDir);
  } catch {
    return [];
  }
};

describe("POST /api/v1/sites/:site/messages/files", () => {
  it("stores the photo without its EXIF, texts the owner '+1 photo', and the owner's email links it with a link that serves it", async () => {
    await setUp();
    const photo = await gpsPhoto();
    expect(await exifr.gps(photo)).toMatchObject({ latitude: expect.closeTo(51.5, 1) });
    const res = await sendWithFiles(message, [{ bytes: photo, name: "IMG_0001.JPG", type: "image/jpeg" }]);
    expect(res.status).toBe(201);
    const answer = await res.json();
    expect(answer).toMatchObject({ id: expect.any(String), status: "new" });

    // The file belongs to the message's request; on disk under random names, without EXIF, at most 2048 px.
    const [row] = await h.db.select().from(attachments).where(eq(attachments.requestId, answer.id));
    expect(row).toMatchObject({ author: "shopper", type: "image/jpeg", name: "IMG_0001.jpg", chatMessageId: null });
    expect(storedFiles().sort()).toEqual([row!.storageKey, row!.thumbKey].sort());
    const stored = readFileSync(path.join(h.filesDir, row!.storageKey));
    expect(await exifr.parse(stored, { tiff: true, gps: true, exif: true, xmp: true })).toBeUndefined();
    expect((await sharp(stored).metadata()).width).toBe(2048);

    await h.worker.drain();
    const alert = h.twilio.messages.find((m) => m.to === OWNER_PHONE)!;
    expect(alert.body.split("\n")[0]).toBe("Message #1 from Jane Doe <jane@example.com> +1 photo");

    const mail = h.smtp.mails.find((m) => m.to.includes(OWNER_EMAIL))!;
    const link = mail.parsed.text!.match(new RegExp(`IMG_0001\\.jpg: (${PUBLIC_URL}/f/${row!.id}/\\S+)`))?.[1];
    expect(link).toBeDefined();
    expect(mail.parsed.html).toContain(`href="${link}"`);
    const served = await h.app.request(link!.slice(PUBLIC_URL.length));
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(await exifr.gps(new Uint8Array(await served.arrayBuffer()))).toBeUndefined();

    // The owner's request page gets the message's files.
    const detail = await (await ownerRequest(h, owner, "GET", `/api/admin/requests/${answer.id}`)).json();
    expect(detail.files).toEqual([expect.objectContaining({ id: row!.id, image: true, name: "IMG_0001.jpg" })]);
  });

  it("refuses an HTML page renamed .png with a field error, storing neither the message nor the file", async () => {
    await setUp();
    const html = new TextEncoder().encode("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
    const res = await sendWithFiles(message, [{ bytes: html, name: "cute-cat.png", type: "image/png" }]);
    expect(res.status).toBe(415);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "file_type_refused", fields: { files: expect.stringMatching(/JPEG, PNG, WebP/) } });
    expect(await h.db.select().from(requests)).toHaveLength(0);
    expect(await h.db.select().from(attachments)).toHaveLength(0);
    expect(storedFiles()).toEqual([]);
  });

  it("checks the message's own fields in the shopper's language before any file is kept", async () => {
    await setUp();
    const res = await sendWithFiles({ ...message, email: "not-an-email", locale: "de" }, [{ bytes: await gpsPhoto(), name: "a.jpg", type: "image/jpeg" }]);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields)).toEqual(["email"]);
    expect(storedFiles()).toEqual([]);
    const bad = await h.app.request("/api/v1/sites/shop/messages/files", { method: "POST", headers: { Origin: PUBLIC_URL, "Content-Type": "text/plain" }, body: JSON.stringify(message) });
    expect(bad.status).toBe(415);
  });

  it("answers a replayed Idempotency-Key as before, keeping one message and one set of files", async () => {
    await setUp();
    const photo = await gpsPhoto();
    const headers = { "Idempotency-Key": "message-files-0001" };
    const first = await (await sendWithFiles(message, [{ bytes: photo, name: "a.jpg", type: "image/jpeg" }], headers)).json();
    const again = await sendWithFiles(message, [{ bytes: photo, name: "a.jpg", type: "image/jpeg" }], headers);
    expect(again.status).toBe(201);
    expect((await again.json()).id).toBe(first.id);
    expect(await h.db.select().from(requests)).toHaveLength(1);
    expect(storedFiles()).toHaveLength(2); // one photo and its thumbnail
  });

  it("lets the owner answer a message with a file: the shopper's email links it, the link opens only that file", async () => {
    await setUp();
    const res = await h.app.request("/api/v1/sites/shop/messages", { method: "POST", headers: { Origin: PUBLIC_URL, "Content-Type": "application/json" }, body: JSON.stringify(message) });
    const { id } = await res.json();
    const form = new FormData();
    form.set("text", "Here is the return label.");
    form.append("file", new Blob([new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")], { type: "application/pdf" }), "return-label.pdf");
    const sent = await h.app.request(`/api/admin/requests/${id}/files`, { method: "POST", headers: { Cookie: owner.cookie, Origin: PUBLIC_URL, "X-CSRF-Token": owner.csrfToken }, body: form });
    expect(sent.status).toBe(201);
    await h.worker.drain();

    const mail = h.smtp.mails.find((m) => m.to.includes("jane@example.com") && m.parsed.subject?.startsWith("Re: "))!;
    expect(mail.parsed.text).toContain("Here is the return label.");
    const link = new RegExp(`return-label\\.pdf: ${PUBLIC_URL}(/f/[\\w-]+/[\\w-]+)`).exec(mail.parsed.text ?? "")![1]!;
    const got = await h.app.request(link);
    expect(got.status).toBe(200);
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="return-label.pdf"/);

    // On the request page: the reply with its file on the timeline, not among the shopper's files.
    const detail = await (await ownerRequest(h, owner, "GET", `/api/admin/requests/${id}`)).json();
    expect(detail.files).toEqual([]);
    expect(detail.timeline.find((e: { type: string }) => e.type === "reply").data).toMatchObject({ text: "Here is the return label.", files: [{ name: "return-label.pdf", image: false }] });
  });

  it("deletes a message's files with the customer, and with the request when retention ends it", async () => {
    await setUp({ retentionMonths: 1 });
    const erased = await (await sendWithFiles(message, [{ bytes: await gpsPhoto(), name: "a.jpg", type: "image/jpeg" }])).json();
    const [request] = await h.db.select().from(requests).where(eq(requests.id, erased.id));
    expect((await ownerRequest(h, owner, "DELETE", `/api/admin/customers/${request!.customerId}`)).status).toBe(200);
    expect(storedFiles()).toEqual([]);
    expect(await h.db.select().from(attachments)).toHaveLength(0);

    await sendWithFiles({ ...message, email: "sam@example.com" }, [{ bytes: await gpsPhoto(), name: "b.jpg", type: "image/jpeg" }]);
    expect(storedFiles()).toHaveLength(2);
    h.clock.advance(40 * 24 * 3600_000);
    const run = await createRetentionWorker({ db: h.db, clock: h.clock, log: h.log, pollMs: 20, files: localFileStore(h.filesDir) }).drain();
    expect(run?.sites[h.site.id]).toMatchObject({ requests: 1, attachments: 1 });
    expect(storedFiles()).toEqual([]);
    expect(await h.db.select().from(attachments)).toHaveLength(0);
  });
});
