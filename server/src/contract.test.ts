// The server's answers must stay readable as @beckon/contract describes them: the owner app and the widget
// read these types, not the server's code. Type-level checks (typecheck fails on drift) plus one run check.
import type { CallingCapability, ChatLine, CustomerDetail, RequestDetail, RequestSummary } from "@beckon/contract/answers";
import type { WidgetConfig } from "@beckon/contract/config";
import type { SiteSettings } from "@beckon/contract/settings";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CallingCapability as ServerCallingCapability } from "./providers/twilio/voice.ts";
import type { ChatMessageView } from "./chat/chat-view.ts";
import type { customerDetail, requestDetail, RequestSummary as ServerSummary } from "./inbox/inbox.ts";
import { readSettings, type SiteSettings as ServerSettings } from "./sites/site-settings.ts";
import type { WidgetConfig as ServerWidgetConfig } from "./sites/widget-config.ts";

describe("the server keeps to @beckon/contract", () => {
  it("answers the owner app in the contract's shapes", () => {
    expectTypeOf<ServerSummary>().toExtend<RequestSummary>();
    expectTypeOf<Awaited<ReturnType<typeof requestDetail>> & { calling: ServerCallingCapability }>().toExtend<RequestDetail>();
    expectTypeOf<Awaited<ReturnType<typeof customerDetail>>>().toExtend<CustomerDetail>();
    expectTypeOf<ServerCallingCapability>().toEqualTypeOf<CallingCapability>();
    // Chat lines: the same shape in the inbox and in the widget.
    expectTypeOf<ChatMessageView>().toEqualTypeOf<ChatLine>();
  });

  it("sends the widget the contract's config", () => {
    expectTypeOf<ServerWidgetConfig>().toExtend<WidgetConfig>();
  });

  it("stores settings exactly as the contract describes them", () => {
    // Same settings, each readable as the contract says (the server may be narrower, e.g. a country code).
    expectTypeOf<keyof ServerSettings>().toEqualTypeOf<keyof SiteSettings>();
    expectTypeOf<ServerSettings>().toExtend<SiteSettings>();
    const defaults: SiteSettings = readSettings({});
    expect(defaults.autoReply.enabled).toBe(true);
  });
});
