// The owner API's request and customer answers, as @beckon/contract describes them (the server checks it keeps to them).
export type { CallingCapability, CustomerDetail, Notification, RequestDetail, TimelineEntry } from "@beckon/contract/answers";
