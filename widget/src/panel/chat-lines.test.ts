import { describe, expect, it } from "vitest";
import { lastOwnerId, mergeLine, pendingLine, withState, type ServerLine } from "./chat-lines.ts";

const at = "2026-11-23T15:00:00.000Z";
const server = (id: number, author: "shopper" | "owner", body: string, clientId?: string): ServerLine => ({ id, author, body, at, by: author === "owner" ? "Mara" : null, ...(clientId && { clientId }) });

describe("chat lines", () => {
  it("replaces a pending line with the stored one, whichever arrives first", () => {
    const sending = [pendingLine("Hello?", "c-1", new Date(at))];
    const stored = mergeLine(sending, server(5, "shopper", "Hello?", "c-1"));
    expect(stored).toEqual([{ key: "5", id: 5, author: "shopper", body: "Hello?", at, by: null, state: "sent" }]);
    // The same line again (the POST's answer after the stream's event) changes nothing.
    expect(mergeLine(stored, server(5, "shopper", "Hello?", "c-1"))).toBe(stored);
  });

  it("keeps stored lines in the server's order, with lines still sending last", () => {
    let lines = mergeLine([], server(2, "shopper", "first"));
    lines = [...lines, pendingLine("typing on", "c-9", new Date(at))];
    lines = mergeLine(lines, server(3, "owner", "an answer"));
    expect(lines.map((l) => l.body)).toEqual(["first", "an answer", "typing on"]);
    expect(lastOwnerId(lines)).toBe(3);
  });

  it("marks a line failed and sending again, but never a stored one", () => {
    const lines = [pendingLine("hi", "c-2", new Date(at)), ...mergeLine([], server(7, "owner", "x"))];
    expect(withState(lines, "c-2", "failed")[0]!.state).toBe("failed");
    expect(withState(lines, "7", "failed")[1]!.state).toBe("sent");
  });
});
