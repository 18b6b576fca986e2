// Issue #11 in a real browser: a German shopper on the (US) demo shop, the Arabic page right to left, a Russian message by SMS.
import { expect, test, type Page } from "@playwright/test";
import { smsEncoding, smsUnits } from "../../server/src/channels/sms/sms-encoding.ts";
import { waitForSms } from "../support/twilio.ts";
import { uniqueName } from "../support/widget.ts";

/** The panel's <section>, found by its role inside the widget's shadow root. */
const panelOf = (page: Page) => page.locator("[data-beckon]").getByRole("dialog");

test.describe("a German shopper", () => {
  test.use({ locale: "de-DE", timezoneId: "Europe/Berlin" });

  test("asks for a call back with a German number, and sees everything in German, slot times too", async ({ page }) => {
    await page.goto("/demo/");
    const launcher = page.getByRole("button", { name: "Kontakt" });
    await launcher.click();
    const dialog = panelOf(page);
    await expect(dialog).toHaveAttribute("lang", "de-DE");
    await expect(dialog).toContainText(/Wir sind gerade da\.|Gerade geschlossen\.|Wir sind gerade nicht da\./);
    await dialog.getByRole("button", { name: "Rückruf anfordern" }).click();

    const name = uniqueName("Jonas");
    await dialog.getByLabel("Ihr Name").fill(name);
    // The country list arrives with the phone chunk, on first focus; Germany is already the default (de-DE).
    const country = dialog.getByLabel("Land");
    await country.focus();
    await expect(country.locator("option")).not.toHaveCount(1);
    await expect(country).toHaveValue("DE");
    await expect(country.locator("option:checked")).toHaveText(/^\S+ Deutschland \+49$/u);
    await country.selectOption("DE");
    const phone = dialog.getByLabel("Telefonnummer");
    await expect(phone).toHaveAttribute("dir", "ltr");
    await phone.pressSequentially("0151 23456789");
    await expect(phone).toHaveValue("01512 3456789"); // formatted as typed, the German way
    await expect(dialog.getByText("In Deutschland zum Beispiel 01512 3456789")).toBeVisible();

    await dialog.getByLabel("Zeit auswählen").check();
    const slot = dialog.getByLabel("Uhrzeit");
    const firstSlot = (await slot.locator("option").first().textContent())!;
    // "Mo., 30. Nov., 15:00": the German weekday and month, a 24-hour time.
    expect(firstSlot).toMatch(/^(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. \S+, \d{2}:\d{2}$/);
    await dialog.getByLabel("Worum geht es?").fill("Welche Erde für eine Monstera?");

    const sent = page.waitForRequest((r) => r.url().endsWith("/callbacks") && r.method() === "POST");
    await dialog.getByRole("button", { name: "Rückruf anfordern" }).click();
    expect((await sent).postDataJSON()).toMatchObject({ locale: "de", phoneCountry: "DE", phone: "01512 3456789" });
    await expect(dialog.getByRole("heading", { name: `Danke, ${name.split(" ")[0]}!` })).toBeVisible();
    await expect(dialog.getByText(`Wir rufen Sie an: ${firstSlot}.`)).toBeVisible();

    // Nothing English slipped through anywhere in the panel.
    const text = await dialog.innerText();
    for (const english of ["Call me back", "Your name", "Phone number", "When should we call", "Thanks", "Close", "Back ", "Expect"]) {
      expect(text).not.toContain(english);
    }
    // The request is stored with the number in E.164; the owner's alert carries it.
    const sms = await waitForSms(name);
    expect(sms.body).toContain("+4915123456789");
  });
});

test.describe("the Arabic page", () => {
  for (const width of [375, 1280]) {
    test(`shows the panel right to left at ${width} px, the close button on the left, the launcher mirrored`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/demo/arabic.html");
      const launcher = page.getByRole("button", { name: "تواصل معنا" });
      await expect(launcher).toBeVisible();
      const launcherBox = (await launcher.boundingBox())!;
      expect(launcherBox.x + launcherBox.width / 2).toBeLessThan(width / 2); // the owner's right corner, mirrored
      await launcher.click();
      const dialog = panelOf(page);
      await expect(dialog).toHaveAttribute("dir", "rtl");
      await dialog.getByRole("button", { name: "اتصلوا بي" }).click();
      await expect(dialog.getByLabel("اسمك")).toBeFocused();

      const close = (await dialog.getByRole("button", { name: "إغلاق" }).boundingBox())!;
      const title = (await dialog.locator("#beckon-title").boundingBox())!;
      const name = (await dialog.getByLabel("اسمك").boundingBox())!;
      expect(close.x + close.width).toBeLessThanOrEqual(title.x + 1); // the close button sits left of the title
      const label = (await dialog.getByText("اسمك", { exact: true }).boundingBox())!;
      expect(label.x + label.width).toBeGreaterThan(name.x + name.width - 2); // labels start at the right edge
      // Numbers stay left to right inside the right-to-left form.
      await expect(dialog.getByLabel("رقم الهاتف")).toHaveAttribute("dir", "ltr");
      await dialog.getByLabel("رقم الهاتف").pressSequentially("٠٥٠ ١٢٣ ٤٥٦٧");
      await expect(dialog.getByLabel("رقم الهاتف")).not.toHaveValue(/[٠-٩]/);

      const shot = testInfo.outputPath(`arabic-panel-${width}.png`);
      await page.screenshot({ path: shot });
      await testInfo.attach(`arabic-panel-${width}`, { path: shot, contentType: "image/png" });
    });
  }
});

test.describe("a Russian shopper", () => {
  test.use({ locale: "ru-RU", timezoneId: "Europe/Moscow" });

  test("sends a message in Cyrillic, and the owner's SMS keeps every letter (UCS-2, within two segments)", async ({ page }) => {
    // No Russian catalog: the widget speaks English, and the shopper still writes in her own script.
    const launcher = page.getByRole("button", { name: "Contact us" });
    await page.goto("/demo/");
    await launcher.click();
    const dialog = panelOf(page);
    await dialog.getByRole("button", { name: "Send a message" }).click();
    // A name unique to this run, in Cyrillic only, so the SMS is found by it.
    const letters = "абвгдежзиклмнопрстуфхцчшэюя";
    const suffix = Array.from({ length: 5 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
    const name = `Анна Кузнецова-${suffix}`;
    const text = "Здравствуйте! Есть ли у вас монстера в горшке 20 см? Хочу забрать в субботу.";
    await dialog.getByLabel("Your name").fill(name);
    await dialog.getByLabel("Email").fill(`anna.${Date.now()}@shopper.example`);
    await dialog.getByLabel("Your message").fill(text);
    await dialog.getByRole("button", { name: "Send message" }).click();
    await expect(dialog.getByRole("heading", { name: "Thanks, Анна!" })).toBeVisible();

    const sms = await waitForSms(name);
    expect(sms.body).toContain(name);
    expect(sms.body).not.toContain("Someone");
    // The message part may be trimmed to fit, never turned into question marks.
    expect(sms.body).toContain("Здравствуйте! Есть ли у вас");
    expect(sms.body).not.toMatch(/\?{2,}|\s[!?]\s*$/);
    expect(smsEncoding(sms.body)).toBe("UCS-2");
    expect(smsUnits(sms.body)).toBeLessThanOrEqual(134);
  });
});
