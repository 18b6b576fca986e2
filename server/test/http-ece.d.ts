declare module "http_ece" {
  import type { ECDH } from "node:crypto";
  /** Decrypts an RFC 8188 body (`aes128gcm`: the sender's key travels in the header's keyid). */
  export function decrypt(buffer: Buffer, params: { version: "aes128gcm"; privateKey: ECDH; authSecret: string }): Buffer;
}
