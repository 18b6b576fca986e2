import { and, eq, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { customers, type ShopContext } from "../db/schema.ts";
import { preparedBy, prepared } from "../db/prepared.ts";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Customer = typeof customers.$inferSelect;
type Who = { name: string | null; phone?: string | undefined; email?: string | undefined };
type Identity = ShopContext["identity"];

// Which customer record a request joins (issue #12, "one customer record"):
// 1. a verified identity (the shop signed its id) joins the record with that id;
// 2. else it adopts a record whose email or phone the shopper proved (answered an email, the call bridge connected);
// 3. typed contact details join only a record that was itself built from typed details: they never join a
//    verified record, they only *suggest* it to the owner (see `suggestedMatches`). An unverified identify
//    ("says they are …") counts as typed.

/** Finds or makes the request's customer and counts the request on it. */
export async function resolveCustomer(tx: Tx, siteId: number, who: Who, identity: Identity, now: Date): Promise<Customer> {
  if (identity?.verified && identity.id) return verifiedCustomer(tx, siteId, who, identity, now);
  const keyColumn = who.phone ? customers.phone : who.email ? customers.email : undefined;
  const key = who.phone ?? who.email;
  if (!keyColumn || !key) return insertCustomer(tx, siteId, { name: who.name }, now);
  const [known] = await customerBy(tx, who.phone ? "phone" : "email").all({ siteId, key });
  if (known && isProtected(known)) return insertCustomer(tx, siteId, { name: who.name }, now); // a suggestion, not a merge
  if (known) return countOn(tx, known.id, { name: who.name ?? known.name }, now);
  return insertCustomer(tx, siteId, { name: who.name, phone: who.phone ?? null, email: who.phone ? null : (who.email ?? null) }, now);
}

/** A record nobody may join by typing its details: it has a verified id, or proved contact details. */
export function isProtected(c: Pick<Customer, "externalId" | "emailVerifiedAt" | "phoneVerifiedAt">): boolean {
  return Boolean(c.externalId || c.emailVerifiedAt || c.phoneVerifiedAt);
}

async function verifiedCustomer(tx: Tx, siteId: number, who: Who, identity: NonNullable<Identity>, now: Date): Promise<Customer> {
  const profile = identity.orders !== undefined || identity.since ? { orders: identity.orders, since: identity.since } : undefined;
  const name = identity.name ?? who.name;
  const [byId] = await tx.select().from(customers).where(and(eq(customers.siteId, siteId), eq(customers.externalId, identity.id!)));
  if (byId) return countOn(tx, byId.id, { name: name ?? byId.name, ...(profile && { profile }) }, now);

  const email = identity.email ?? who.email;
  const proved: SQL[] = [];
  if (email) proved.push(and(eq(customers.email, email), sql`${customers.emailVerifiedAt} is not null`)!);
  if (who.phone) proved.push(and(eq(customers.phone, who.phone), sql`${customers.phoneVerifiedAt} is not null`)!);
  if (proved.length) {
    const [adopted] = await tx
      .select()
      .from(customers)
      .where(and(eq(customers.siteId, siteId), isNull(customers.externalId), or(...proved)));
    if (adopted) return countOn(tx, adopted.id, { name: name ?? adopted.name, externalId: identity.id!, ...(profile && { profile }) }, now);
  }
  // A new verified record takes the email and phone as its keys only where no other record holds them.
  const taken = await tx
    .select({ phone: customers.phone, email: customers.email })
    .from(customers)
    .where(and(eq(customers.siteId, siteId), or(email ? eq(customers.email, email) : undefined, who.phone ? eq(customers.phone, who.phone) : undefined, sql`0`)));
  return insertCustomer(tx, siteId, {
    name,
    externalId: identity.id!,
    profile: profile ?? null,
    email: email && !taken.some((t) => t.email === email) ? email : null,
    phone: who.phone && !taken.some((t) => t.phone === who.phone) ? who.phone : null,
  }, now);
}

async function insertCustomer(tx: Tx, siteId: number, values: Partial<Customer>, now: Date): Promise<Customer> {
  const [row] = await tx.insert(customers).values({ siteId, ...values, firstSeenAt: now, lastSeenAt: now, requestCount: 1 }).returning();
  return row!;
}

/** A site's customer by typed phone or email (the hot path of every submission, built once per kind). */
const customerBy = preparedBy((tx, by: "phone" | "email") =>
  tx
    .select()
    .from(customers)
    .where(and(eq(customers.siteId, sql.placeholder("siteId")), eq(customers[by], sql.placeholder("key"))))
    .prepare(),
);
const countWithName = prepared((tx) =>
  tx
    .update(customers)
    .set({ name: sql`${sql.placeholder("name")}`, lastSeenAt: sql`${sql.placeholder("now")}`, requestCount: sql`${customers.requestCount} + 1` })
    .where(eq(customers.id, sql.placeholder("id")))
    .returning()
    .prepare(),
);

async function countOn(tx: Tx, id: number, set: Partial<Customer>, now: Date): Promise<Customer> {
  if (Object.keys(set).length === 1 && "name" in set) {
    const [counted] = await countWithName(tx).all({ id, name: set.name ?? null, now: now.getTime() });
    return counted!;
  }
  const [row] = await tx
    .update(customers)
    .set({ ...set, lastSeenAt: now, requestCount: sql`${customers.requestCount} + 1` })
    .where(eq(customers.id, id))
    .returning();
  return row!;
}

/** Other records on the site with the same typed phone or email: "maybe the same person?" for the owner to confirm. */
export async function suggestedMatches(db: Db | Tx, siteId: number, customerId: number, contact: { phone?: string | null; email?: string | null }) {
  const same = or(contact.phone ? eq(customers.phone, contact.phone) : undefined, contact.email ? eq(customers.email, contact.email) : undefined, sql`0`);
  return db
    .select({ id: customers.id, name: customers.name, phone: customers.phone, email: customers.email, requestCount: customers.requestCount, verified: sql<boolean>`${customers.externalId} is not null` })
    .from(customers)
    .where(and(eq(customers.siteId, siteId), ne(customers.id, customerId), same))
    .limit(3);
}

/** The call bridge connected to this number: the customer's phone is proved, so a verified identity may adopt the record. */
export async function provePhone(tx: Tx, customerId: number, phone: string | undefined, now: Date): Promise<void> {
  if (!phone) return;
  await tx.update(customers).set({ phoneVerifiedAt: now }).where(and(eq(customers.id, customerId), eq(customers.phone, phone), isNull(customers.phoneVerifiedAt)));
}
