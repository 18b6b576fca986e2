import { createHmac, timingSafeEqual } from "node:crypto";

const mac = (secret: string, id: string) => createHmac("sha256", secret).update(`file-link:${id}`).digest("base64url").slice(0, 32);

/**
 * A link to one file for an email to the shopper, who has no session and whose chat token is stored
 * only hashed: `/f/<id>/<HMAC of the id with the link secret>`. It opens that file and nothing else,
 * for as long as the file exists (deleted with its request).
 */
export const fileLink = (publicUrl: string, secret: string, id: string) => `${publicUrl}/f/${id}/${mac(secret, id)}`;

/** Whether `signature` is the one fileLink made for `id`. */
export function fileLinkValid(secret: string, id: string, signature: string): boolean {
  const want = Buffer.from(mac(secret, id));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}
