import { describe, expect, it } from "vitest";
import { callbackAlertText, chatAlertText, confirmationText, messageAlertText } from "./sms-text.ts";
import { smsEncoding, smsSegments, smsUnits } from "./sms-encoding.ts";

const link = "https://shop.example/admin/requests/0b7d2f0e-1c5e-4a4e-9b1e-2d0a1f5f8c11";

describe("SMS in any script", () => {
  it("keeps a Russian name and message in Cyrillic within 134 UCS-2 characters, the ref and name whole", () => {
    const message = "Здравствуйте! Хочу узнать, есть ли у вас синяя ваза в наличии и можно ли забрать её завтра утром.";
    const text = messageAlertText({ ref: "128", name: "Анастасия Петрова", email: "anastasia@example.ru", topic: undefined, message, earlierRequests: 2, link });
    expect(smsEncoding(text)).toBe("UCS-2");
    expect(text.length).toBeLessThanOrEqual(134);
    expect(smsSegments(text)).toBe(2);
    expect(text).toMatch(/^Message #128 from Анастасия Петрова <anastasia@example.ru>\n"Здравствуйте! Хочу узнать, есть ли у вас/);
    expect(text).toMatch(/…"$/); // the message is what was shortened, with an ellipsis
    const callback = callbackAlertText({ ref: "7", name: "Анна Иванова", phone: "+79161234567", when: "asap", note: message, earlierRequests: 0, timezone: "Europe/Moscow", link });
    expect(callback.length).toBeLessThanOrEqual(134);
    expect(callback).toMatch(/^Call back #7: Анна Иванова \+79161234567\nWhen: ASAP\n"Здравствуйте!/);
  });

  it("keeps a short non-Latin alert whole, link included", () => {
    const text = chatAlertText({ ref: "4", name: "أحمد", message: "مرحبا، هل الطلب جاهز؟", earlierRequests: 0, link: "https://shop.example/admin/requests/1", first: true });
    expect(text).toBe('Chat #4 from أحمد\nReply to answer\n"مرحبا، هل الطلب جاهز؟"\nhttps://shop.example/admin/requests/1');
  });

  it("sends an Arabic shop's confirmation intact, in Arabic, with the link whole", () => {
    const cancel = "https://shop.example/c/C30vDhxeSk6bHi0KH1-MEQ.Qb0y3dPz8xwA1mZk";
    const text = confirmationText({ locale: "ar", siteName: "متجر الورد", name: "فاطمة الزهراء", when: new Date("2026-11-24T12:00:00Z"), timezone: "Asia/Riyadh", shopperZone: "Asia/Riyadh", link: cancel });
    expect(smsEncoding(text)).toBe("UCS-2");
    expect(text.length).toBeLessThanOrEqual(134);
    expect(text.startsWith("متجر الورد: شكرًا فاطمة، سنتصل بك ")).toBe(true);
    expect(text).toContain("الثلاثاء، 24 نوفمبر، 3:00 م"); // 15:00 in Riyadh, in Arabic
    expect(text.endsWith(`للإلغاء: ${cancel}`)).toBe(true);
  });

  it("still gives a Latin (GSM-7) text the 306-character budget", () => {
    const text = messageAlertText({ ref: "9", name: "Jane Doe", email: "jane@example.com", topic: undefined, message: "Hello there, a long question. ".repeat(20), earlierRequests: 0, link });
    expect(smsEncoding(text)).toBe("GSM-7");
    expect(text.length).toBeGreaterThan(290);
    expect(text.length).toBeLessThanOrEqual(306);
    expect(smsSegments(text)).toBe(2);
  });

  it("counts segments right for mixed text", () => {
    expect(smsSegments("a".repeat(160))).toBe(1);
    expect(smsSegments("a".repeat(161))).toBe(2);
    expect(smsSegments("€".repeat(80))).toBe(1); // extension characters take two septets
    expect(smsSegments("€".repeat(81))).toBe(2);
    expect(smsUnits("[x]")).toBe(5);
    expect(smsSegments(`${"a".repeat(69)}ж`)).toBe(1); // one Cyrillic letter makes it all UCS-2: 70 fit one
    expect(smsSegments(`${"a".repeat(70)}ж`)).toBe(2);
    expect(smsSegments(`${"a".repeat(133)}ж`)).toBe(2);
    expect(smsSegments(`${"a".repeat(134)}ж`)).toBe(3);
    expect(smsUnits("hi 😀")).toBe(5); // an emoji is two UTF-16 units
  });
});
