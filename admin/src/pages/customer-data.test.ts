import { describe, expect, it } from "vitest";
import { describeDeleted } from "./customer-data.ts";

describe("describeDeleted", () => {
  it("says what a delete removed, in words, leaving out what it did not touch", () => {
    expect(describeDeleted({ requests: 3, chat_messages: 1, request_events: 2, outbox: 0, customers: 1 })).toBe("3 requests, 1 chat line, 2 timeline entries");
    expect(describeDeleted({ requests: 1, outbox: 1 })).toBe("1 request, 1 notification");
    expect(describeDeleted({})).toBe("");
  });
});
