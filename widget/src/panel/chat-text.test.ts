import { describe, expect, it } from "vitest";
import { chatStatusLine, shouldAskEmail } from "./chat-text.ts";
import type { Availability } from "../panel-host.ts";

const open: Availability = { openNow: true, nextOpenAt: null, awayUntil: null, awayMessage: null, chatLive: true };
const config = (a: Availability, firstName = "Mara") => ({ owner: { firstName, photoUrl: "", trustLine: "" }, availability: a, message: { fields: [], replyWithinHours: 2 } });

describe("chat status and email prompt", () => {
  it("promises a live answer only when someone is at the inbox", () => {
    expect(chatStatusLine(config(open), true)).toBe("Mara is here now and will answer in a moment.");
    expect(chatStatusLine(config(open, ""), true)).toBe("We are here now and will answer in a moment.");
    expect(chatStatusLine(config({ ...open, chatLive: false }), false)).toBe(
      "Nobody is at the desk this minute. We usually reply within 2 hours. Leave a message and your email, and we'll answer there.",
    );
    const closed = { ...open, openNow: false, chatLive: false, nextOpenAt: "2026-11-23T14:00:00.000Z" };
    // When closed, the panel's header says when the shop is back; the chat does not promise a reply time.
    expect(chatStatusLine(config(closed), false)).toBe("Nobody is at the desk right now. Leave a message and your email, and we'll answer there.");
  });

  it("asks for an email when nobody is live, or after a few minutes without an answer", () => {
    const t0 = Date.parse("2026-11-23T15:00:00Z");
    const waiting = { ownerAvailable: true, lines: [], startedAt: t0 };
    expect(shouldAskEmail({ ...waiting, ownerAvailable: false }, open, t0)).toBe(true);
    expect(shouldAskEmail(waiting, open, t0 + 60_000)).toBe(false);
    expect(shouldAskEmail(waiting, open, t0 + 4 * 60_000)).toBe(true);
    const answered = { ...waiting, lines: [{ key: "1", id: 1, author: "owner" as const, body: "Hi", at: "", by: null, state: "sent" as const }] };
    expect(shouldAskEmail(answered, open, t0 + 4 * 60_000)).toBe(false);
  });
});
