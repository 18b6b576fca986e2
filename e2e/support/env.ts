/** Fixed settings shared by the Playwright config, the servers it starts, and the specs. */
export const E2E = {
  port: 8788,
  baseUrl: "http://localhost:8788",
  twilioPort: 8799,
  twilioUrl: "http://127.0.0.1:8799",
  twilioSid: `AC${"e2e".padEnd(32, "0")}`,
  twilioToken: "e2e-auth-token",
  twilioFrom: "+14155550199",
  ownerPhone: "+14155550100",
} as const;
