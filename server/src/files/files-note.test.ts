import { describe, expect, it } from "vitest";
import { chatAlertText } from "../channels/sms/sms-text.ts";
import { fitsSms } from "../channels/sms/sms-encoding.ts";
import { filesNote } from "./files-note.ts";
import { safeName } from "./file-intake.ts";

const jpeg = { type: "image/jpeg" };
const pdf = { type: "application/pdf" };

describe("the owner's SMS note of files", () => {
  it("says photos when every file is a photo, files otherwise", () => {
    expect(filesNote([])).toBeUndefined();
    expect(filesNote([jpeg])).toBe("+1 photo");
    expect(filesNote([jpeg, jpeg, jpeg])).toBe("+3 photos");
    expect(filesNote([jpeg, pdf])).toBe("+2 files");
    expect(filesNote([pdf])).toBe("+1 file");
  });

  it("keeps the note in the head of a chat alert, within the two-segment budget, cutting the quote instead", () => {
    const text = chatAlertText({ ref: "12", name: "Jane", message: "x".repeat(400), earlierRequests: 0, link: "https://shop.example/admin/requests/abc", first: false, files: "+2 files" });
    expect(text.split("\n")[0]).toBe("Chat #12: Jane wrote again +2 files");
    expect(fitsSms(text)).toBe(true);
  });
});

describe("a file's display name", () => {
  it("loses folders, control and bidi characters, and takes its real type's extension", () => {
    expect(safeName("C:\\Users\\me\\IMG_0001.JPG", "jpg")).toBe("IMG_0001.jpg");
    expect(safeName("../../etc/passwd", "pdf")).toBe("passwd.pdf");
    expect(safeName("invoice\u202Egpj.exe", "pdf")).toBe("invoicegpj.pdf");
    expect(safeName("", "png")).toBe("file.png");
  });
});
