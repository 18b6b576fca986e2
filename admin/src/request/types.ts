import type { customerDetail, requestDetail } from "../../../server/src/inbox/inbox.ts";
import type { CallingCapability } from "../../../server/src/providers/twilio/voice.ts";

/** `GET /api/admin/requests/:id`, as the server builds it: the detail, and whether "Call now" can work. */
export type RequestDetail = Awaited<ReturnType<typeof requestDetail>> & { calling: CallingCapability };
export type Notification = RequestDetail["notifications"][number];
export type TimelineEntry = RequestDetail["timeline"][number];
/** `GET /api/admin/customers/:id`. */
export type CustomerDetail = Awaited<ReturnType<typeof customerDetail>>;
