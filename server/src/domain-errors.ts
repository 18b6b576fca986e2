/**
 * What services throw when a request cannot be done. They say what went wrong (not found, not
 * allowed, conflicting, ...), never how to answer it: `http/errors.ts` maps each kind to a status and
 * the `{ error: { code, message, fields? } }` body. `code` is the stable machine code clients see.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export type DomainErrorKind =
  | "invalid"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "gone"
  | "too_large"
  | "unsupported_type"
  | "rate_limited"
  | "upstream_failed"
  | "unavailable";

/** The input is wrong; `fields`, when given, names each bad field. */
export class Invalid extends DomainError {
  readonly kind = "invalid";
}
/** The credentials given do not match. */
export class Unauthorized extends DomainError {
  readonly kind = "unauthorized";
}
/** The caller is known but may not do this. */
export class Forbidden extends DomainError {
  readonly kind = "forbidden";
}
/** The thing does not exist (or is not the caller's to see). */
export class NotFound extends DomainError {
  readonly kind = "not_found";
}
/** The thing is not in a state that allows this. */
export class Conflict extends DomainError {
  readonly kind = "conflict";
}
/** The thing existed but has expired. */
export class Gone extends DomainError {
  readonly kind = "gone";
}
/** The content is over its size limit. */
export class TooLarge extends DomainError {
  readonly kind = "too_large";
}
/** The content is not of a type we accept. */
export class UnsupportedType extends DomainError {
  readonly kind = "unsupported_type";
}
/** Too many tries; `retryAfterSeconds` says when to come back, when known. */
export class RateLimited extends DomainError {
  readonly kind = "rate_limited";
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }
}
/** A provider we depend on (Twilio) refused or failed. */
export class UpstreamFailed extends DomainError {
  readonly kind = "upstream_failed";
}
/** A feature this server is not configured for. */
export class Unavailable extends DomainError {
  readonly kind = "unavailable";
}
