import type { customers, requests } from "../db/schema.ts";
import { saysTheyAre } from "./know-customer.ts";
import { repeatLabel } from "./repeat-contacts.ts";
import { standing } from "./standing.ts";

type Request = typeof requests.$inferSelect;
type Customer = typeof customers.$inferSelect;

/** What the inbox and the request page add for issue #12: asked again, what is known, VIP, and who the page says this is. */
export function regularsView(request: Request, customer: Customer, requestNumber: number) {
  const identity = request.context?.identity;
  return {
    repeat: request.repeat ? { label: repeatLabel(request.repeat), time: request.repeat.time, earlier: request.repeat.earlier, openSince: request.repeat.openSince } : null,
    /** "regular · 12 orders · since 2022", "5th request since 2024", or null. */
    standing: standing(customer, requestNumber),
    vip: customer.vip,
    /** "verified" when the shop signed who this is; "says they are Jane <…>" when it did not check out. */
    identity: identity?.verified ? "verified" : saysTheyAre(identity),
    page: request.context?.page?.url ?? null,
  };
}
