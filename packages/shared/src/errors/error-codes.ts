// One union of error codes for the whole product; the server maps each to an HTTP status (DESIGN §2).
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  STATION_NOT_FOUND: 404,
  DIVISION_NOT_FOUND: 404,
  FILE_NOT_FOUND: 404,
  /** A service record names a case that is not at its station (R-SVC-3). */
  CASE_NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  USERNAME_TAKEN: 409,
  STATION_EXISTS_FOR_TOWNSHIP: 409,
  COUNTY_CENTRE_EXISTS: 409,
  INVALID_TRANSITION: 409,
  /** A closed case takes no new service records (R-SVC-3). */
  CASE_CLOSED: 409,
  /** An accepted report is locked with its figures frozen; a correction reopens it with a reason (R-REP-3). */
  REPORT_LOCKED: 409,
  /** An indicator set in use is frozen; changes make a new version (R-EVAL-2). */
  INDICATOR_SET_FROZEN: 409,
  /** A signed-off evaluation is final (R-EVAL-1). */
  EVALUATION_SIGNED_OFF: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TYPE_NOT_ALLOWED: 415,
  AWARD_INELIGIBLE: 422,
  RENEWAL_REFUSED: 422,
  HIRING_REFUSED: 422,
  /** A service record's item that is not in 附件2 (R-SVC-2: the catalogue is the boundary of purchasable work). */
  ITEM_NOT_IN_CATALOGUE: 422,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_REQUESTS: 429,
  DUPLICATE: 409,
  /** A referral without the person's recorded consent to referral (附件2 (一)3). */
  CONSENT_REQUIRED: 422,
  /** A delete refused because other records still refer to the row (a foreign key, docs/adr/0005-foreign-keys.md). */
  STILL_REFERENCED: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Body of every error response: `message` is Chinese, `details.fieldErrors` feeds form fields. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: { fieldErrors?: Record<string, string>; [k: string]: unknown };
  requestId?: string;
}
