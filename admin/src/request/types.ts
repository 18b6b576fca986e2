import type { customerDetail, requestDetail } from "../../../server/src/services/inbox.ts";

/** `GET /api/admin/requests/:id`, as the server builds it. */
export type RequestDetail = Awaited<ReturnType<typeof requestDetail>>;
export type Notification = RequestDetail["notifications"][number];
export type TimelineEntry = RequestDetail["timeline"][number];
/** `GET /api/admin/customers/:id`. */
export type CustomerDetail = Awaited<ReturnType<typeof customerDetail>>;
