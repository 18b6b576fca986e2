import { afterEach, describe, expect, it } from "vitest";
import { createHarness, OWNER_PHONE, post, postFromTwilio, type Harness } from "../../test/harness.ts";
import { createMember, createOwner, ownerRequest, signIn, type OwnerSession } from "../../test/owner.ts";

let h: Harness;
let s: OwnerSession;
afterEach(async () => h?.close());

async function setUp() {
  h = await createHarness({ settings: { ownerFirstName: "Mara" } });
  await createOwner(h, { email: "mara@fern.example", siteId: h.site.id });
  s = await signIn(h, "mara@fern.example");
}
const api = (method: string, path = "", body?: unknown) => ownerRequest(h, s, method, `/api/admin/sites/shop/saved-answers${path}`, body);

describe("saved answers: owner API", () => {
  it("creates, lists, updates and deletes; a member may too", async () => {
    await setUp();
    const created = await api("POST", "", { shortcut: "/Hours", body: "Hi {first_name}, {shop} is open 9-5." });
    expect(created.status).toBe(201);
    const { answer } = await created.json();
    expect(answer).toMatchObject({ shortcut: "hours", body: "Hi {first_name}, {shop} is open 9-5." });

    await createMember(h, { email: "sam@fern.example", siteId: h.site.id });
    const sam = await signIn(h, "sam@fern.example");
    expect((await ownerRequest(h, sam, "POST", "/api/admin/sites/shop/saved-answers", { shortcut: "returns", body: "30 days, {ref}." })).status).toBe(201);

    const list = await (await api("GET")).json();
    expect(list.answers.map((a: { shortcut: string }) => a.shortcut)).toEqual(["hours", "returns"]);
    expect(list.placeholders).toEqual(["first_name", "shop", "ref"]);

    const updated = await api("PATCH", `/${answer.id}`, { body: "Open 9-5, {first_name}." });
    expect(updated.status).toBe(200);
    expect((await updated.json()).answer.body).toBe("Open 9-5, {first_name}.");
    expect((await api("DELETE", `/${answer.id}`)).status).toBe(204);
    expect((await api("DELETE", `/${answer.id}`)).status).toBe(404);
    expect((await (await api("GET")).json()).answers).toHaveLength(1);
  });

  it("refuses bad shortcuts, duplicates, empty bodies and unknown placeholders, naming the field", async () => {
    await setUp();
    const bad = await api("POST", "", { shortcut: "opening hours!", body: "Hello {name}, see {Shop}." });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.code).toBe("validation_failed");
    expect(error.fields.shortcut).toMatch(/lower-case letters/);
    expect(error.fields.body).toBe("Unknown placeholder {name}, {Shop}. You can use {first_name}, {shop}, {ref}.");

    expect((await api("POST", "", { shortcut: "hours", body: "Open 9-5." })).status).toBe(201);
    const dup = await api("POST", "", { shortcut: "HOURS", body: "Again" });
    expect(dup.status).toBe(400);
    expect((await dup.json()).error.fields.shortcut).toBe("There is already an answer called /hours.");
    const empty = await api("POST", "", { shortcut: "x", body: "   " });
    expect((await empty.json()).error.fields.body).toBe("Write the answer.");
    expect((await api("GET")).status).toBe(200);
    expect((await (await api("GET")).json()).answers).toHaveLength(1);
  });

  it("keeps sites apart: another site's answer is not found", async () => {
    await setUp();
    const other = await createOwner(h, { email: "other@else.example", siteKey: "else" });
    const o = await signIn(h, "other@else.example");
    const { answer } = await (await ownerRequest(h, o, "POST", "/api/admin/sites/else/saved-answers", { shortcut: "hours", body: "Closed." })).json();
    expect(other.siteId).not.toBe(h.site.id);
    expect((await api("PATCH", `/${answer.id}`, { body: "Mine now" })).status).toBe(404);
    expect((await ownerRequest(h, s, "GET", "/api/admin/sites/else/saved-answers")).status).toBe(404);
  });
});

let sids = 0;
const ownerSms = (body: string) => postFromTwilio(h, "/webhooks/twilio/sms", { From: OWNER_PHONE, To: "+14155550199", Body: body, MessageSid: `SMsaved${++sids}` });
const answerOf = async (res: Response) => /<Message>([\s\S]*)<\/Message>/.exec(await res.text())?.[1] ?? "";

describe("saved answers by SMS: #ref /shortcut", () => {
  it("emails the filled answer to the shopper of #ref; an unknown shortcut answers with the list", async () => {
    await setUp();
    await api("POST", "", { shortcut: "hours", body: "Hi {first_name}, {shop} is open 9-5 on weekdays (re #{ref})." });
    await api("POST", "", { shortcut: "returns", body: "Returns within 30 days." });
    await post(h, "/api/v1/sites/shop/messages", { name: "Jane Doe", email: "jane@example.com", message: "When are you open?" });
    await post(h, "/api/v1/sites/shop/messages", { name: "Bob", email: "bob@example.com", message: "Hi" });
    await h.worker.drain();
    const before = h.smtp.mails.filter((m) => m.to.includes("jane@example.com")).length;

    expect(await answerOf(await ownerSms("#1 /hours"))).toContain("emailed to #1 (Jane Doe)");
    await h.worker.drain();
    const toJane = h.smtp.mails.filter((m) => m.to.includes("jane@example.com"));
    expect(toJane).toHaveLength(before + 1);
    expect(toJane.at(-1)!.parsed.text).toContain(`Hi Jane, ${h.site.name} is open 9-5 on weekdays (re #1).`);

    const unknown = await answerOf(await ownerSms("#1 /opening"));
    expect(unknown).toBe("Beckon: no saved answer /opening. Yours: /hours /returns");
    await h.worker.drain();
    expect(h.smtp.mails.filter((m) => m.to.includes("jane@example.com"))).toHaveLength(before + 1);
  });
});
