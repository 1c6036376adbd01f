import { ErrorCode } from './error-code';

/**
 * Why a request was refused, as a stable identifier a program can rely on: `extensions.reason`
 * beside `extensions.code`, with the parameters in `extensions.details`. The message is for
 * whoever reads the raw response; a client shows its own words for the reason (the French ones
 * are in `reason-messages.fr.ts`). A reason, once published, keeps its name and parameters.
 */
export enum ErrorReason {
  // one per code, for the refusals that need nothing more specific
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** details: entity, id */
  NOT_FOUND = 'NOT_FOUND',
  /** details: field (when one), fields (path and constraints of each field the input rules refused) */
  INVALID_INPUT = 'INVALID_INPUT',
  CONFLICT = 'CONFLICT',
  /** details: retryAfterSeconds */
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL = 'INTERNAL',

  // refusals the database or the state tables make, whatever the command
  /** details: entity, from, to */
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  /** details: entity, state (and the object's id: orderId, donationId) */
  FINAL_STATE = 'FINAL_STATE',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  /** details: the id of what changed (lotId, pickupId), when a service says it */
  CONCURRENT_CHANGE = 'CONCURRENT_CHANGE',
  VALUE_TOO_LONG = 'VALUE_TOO_LONG',
  VALUE_OUT_OF_RANGE = 'VALUE_OUT_OF_RANGE',
  /** details: field, when a service says it */
  INVALID_DATE = 'INVALID_DATE',
  INVALID_CHARACTER = 'INVALID_CHARACTER',

  // inputs, whatever the command
  /** details: field (count: blank serial numbers of a stock count) */
  VALUE_REQUIRED = 'VALUE_REQUIRED',
  /** details: field, value (when one value is named) */
  DUPLICATE_VALUE = 'DUPLICATE_VALUE',
  /** details: field, max, given */
  LIST_TOO_LONG = 'LIST_TOO_LONG',
  /** details: max, given */
  PAGE_TOO_LARGE = 'PAGE_TOO_LARGE',
  /** details: field */
  CURSOR_INVALID = 'CURSOR_INVALID',
  /** details: field, given (ISO date) */
  DATE_IN_PAST = 'DATE_IN_PAST',
  /** details: field */
  PERIOD_REVERSED = 'PERIOD_REVERSED',
  /** details: field, maxYears */
  PERIOD_TOO_LONG = 'PERIOD_TOO_LONG',
  /** details: field, max (when the text may also be too long) */
  REASON_REQUIRED = 'REASON_REQUIRED',
  /** details: field */
  NOTHING_TO_CHANGE = 'NOTHING_TO_CHANGE',
  /** details: field (the organization the caller acts for: partnerId, donorId, refurbisherId) */
  ORGANIZATION_REQUIRED = 'ORGANIZATION_REQUIRED',
  /** details: field, expected (PARTNER, DONOR, REFURBISHER) */
  WRONG_ORGANIZATION_KIND = 'WRONG_ORGANIZATION_KIND',
  /** the command acts for an organization and the caller belongs to none */
  ORGANIZATION_MEMBER_REQUIRED = 'ORGANIZATION_MEMBER_REQUIRED',

  // accounts and sessions
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  SESSION_INVALID = 'SESSION_INVALID',
  /** details: retryAfterSeconds */
  TOO_MANY_LOGIN_FAILURES = 'TOO_MANY_LOGIN_FAILURES',
  /** details: field, reason (PASSWORD_TOO_SHORT, PASSWORD_TOO_COMMON, PASSWORD_CONTAINS_EMAIL), minLength */
  PASSWORD_TOO_WEAK = 'PASSWORD_TOO_WEAK',
  /** details: field */
  PASSWORD_UNCHANGED = 'PASSWORD_UNCHANGED',
  /** details: field, reason */
  WRONG_CURRENT_PASSWORD = 'WRONG_CURRENT_PASSWORD',
  /** details: field, reason */
  RESET_LINK_INVALID = 'RESET_LINK_INVALID',
  /** details: field */
  ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED',
  /** details: field */
  EMAIL_INVALID = 'EMAIL_INVALID',
  /** details: field */
  EMAIL_TAKEN = 'EMAIL_TAKEN',
  /** details: field, role, kind (the organization's kind, when there is one) */
  ROLE_MISMATCH = 'ROLE_MISMATCH',
  /** details: field */
  SELF_DEACTIVATION = 'SELF_DEACTIVATION',
  /** details: field */
  LAST_ADMINISTRATOR = 'LAST_ADMINISTRATOR',
  ADMINISTRATOR_REQUIRED = 'ADMINISTRATOR_REQUIRED',
  /** details: fields (name or serviceRadiusKm) */
  COORDINATOR_REQUIRED = 'COORDINATOR_REQUIRED',

  // network: regions and organizations
  /** details: field */
  SIRET_INVALID = 'SIRET_INVALID',
  /** details: field */
  SIRET_TAKEN = 'SIRET_TAKEN',
  /** details: field, postalCode, city, suggestions */
  ADDRESS_NOT_FOUND = 'ADDRESS_NOT_FOUND',
  /** details: field, code */
  REGION_CODE_TAKEN = 'REGION_CODE_TAKEN',
  /** details: field */
  REFURBISHER_ONLY = 'REFURBISHER_ONLY',
  /** details: field */
  DONOR_ONLY = 'DONOR_ONLY',
  /** details: field */
  SERVICE_RADIUS_REQUIRED = 'SERVICE_RADIUS_REQUIRED',
  /** details: organizationId, deactivatedAt (refurbisherId when a lot was to go to it) */
  ORGANIZATION_DEACTIVATED = 'ORGANIZATION_DEACTIVATED',
  /** details: organizationId, deactivatedAt */
  ORGANIZATION_ALREADY_DEACTIVATED = 'ORGANIZATION_ALREADY_DEACTIVATED',
  /** details: organizationId */
  ORGANIZATION_NOT_DEACTIVATED = 'ORGANIZATION_NOT_DEACTIVATED',
  /** details: field, maxDays */
  INTAKE_PAUSE_TOO_LONG = 'INTAKE_PAUSE_TOO_LONG',

  // donations, offers and routing
  /** details: field */
  INVENTORY_EMPTY = 'INVENTORY_EMPTY',
  /** details: field, rows (field, line, column, message of each bad row) */
  INVENTORY_ROWS_INVALID = 'INVENTORY_ROWS_INVALID',
  /** details: serialNumbers (field: the inventory, at declaration) */
  SERIAL_NUMBERS_REPEATED = 'SERIAL_NUMBERS_REPEATED',
  /** details: donationId */
  DONATION_CANCELLED = 'DONATION_CANCELLED',
  /** details: donationId, lotId */
  DONATION_ALREADY_COLLECTED = 'DONATION_ALREADY_COLLECTED',
  /** details: lotId, offerExpiresAt */
  OFFER_EXPIRED = 'OFFER_EXPIRED',
  /** details: donationId, refurbisherId */
  NO_DECLINE_TO_LIFT = 'NO_DECLINE_TO_LIFT',
  /** details: lotId, status */
  LOT_NOT_REASSIGNABLE = 'LOT_NOT_REASSIGNABLE',
  /** details: field, category, available, requested */
  NOT_ENOUGH_UNASSIGNED = 'NOT_ENOUGH_UNASSIGNED',
  /** details: field, lotId */
  LOT_ALREADY_WITH_REFURBISHER = 'LOT_ALREADY_WITH_REFURBISHER',
  /** details: field, refurbisherId */
  REFURBISHER_NOT_IN_REGION = 'REFURBISHER_NOT_IN_REGION',
  /** details: field, categories */
  NO_CAPACITY_DECLARED = 'NO_CAPACITY_DECLARED',

  // pickups
  /** details: lotId, status */
  PICKUP_ALREADY_SCHEDULED = 'PICKUP_ALREADY_SCHEDULED',
  /** details: lotId, status */
  PICKUP_ONLY_AFTER_MISS = 'PICKUP_ONLY_AFTER_MISS',
  /** details: field, availableFrom, scheduledAt */
  PICKUP_BEFORE_AVAILABILITY = 'PICKUP_BEFORE_AVAILABILITY',
  /** details: field, scheduledAt */
  PICKUP_SAME_DATE = 'PICKUP_SAME_DATE',
  /** details: lotId, status */
  PICKUP_NOT_MOVABLE = 'PICKUP_NOT_MOVABLE',
  /** details: pickupId, currentPickupId */
  PICKUP_SUPERSEDED = 'PICKUP_SUPERSEDED',
  /** details: availableFrom */
  COLLECTION_BEFORE_AVAILABILITY = 'COLLECTION_BEFORE_AVAILABILITY',
  /** details: field, lotQuantity, given */
  COLLECTED_QUANTITY_INVALID = 'COLLECTED_QUANTITY_INVALID',

  // devices in the workshop
  /** details: serialNumbers */
  SERIAL_NUMBERS_REGISTERED = 'SERIAL_NUMBERS_REGISTERED',
  /** details: deviceId, status, to */
  ERASURE_REQUIRED = 'ERASURE_REQUIRED',
  /** details: deviceId, status */
  ERASURE_NOT_POSSIBLE = 'ERASURE_NOT_POSSIBLE',
  /** details: field, deviceId */
  OS_REQUIRED = 'OS_REQUIRED',
  /** details: field, deviceId */
  STORAGE_REPLACEMENT_REQUIRED = 'STORAGE_REPLACEMENT_REQUIRED',
  /** details: field */
  NO_STORAGE_NOT_APPLICABLE = 'NO_STORAGE_NOT_APPLICABLE',
  /** details: field */
  DISK_ERASURE_REQUIRED = 'DISK_ERASURE_REQUIRED',
  /** details: deviceId, status */
  DEVICE_NOT_IN_WORKSHOP = 'DEVICE_NOT_IN_WORKSHOP',
  /** details: field (transferPart), or deviceId and otherDeviceId (swapReservations) */
  SAME_DEVICE = 'SAME_DEVICE',
  /** details: deviceId */
  NOT_A_PARTS_DONOR = 'NOT_A_PARTS_DONOR',
  /** details: deviceId, status */
  RECYCLING_REQUIRED = 'RECYCLING_REQUIRED',
  /** details: deviceId, status */
  DEVICE_NOT_MISSING = 'DEVICE_NOT_MISSING',
  /** details: refurbisherId, regionId, category, grade, and the moves refused (available, reserved) */
  STOCK_OUT_OF_SYNC = 'STOCK_OUT_OF_SYNC',

  // orders and reservations
  /** details: problems, count */
  ORDER_LINES_INVALID = 'ORDER_LINES_INVALID',
  /** details: field, problems */
  BENEFICIARY_REFS_INVALID = 'BENEFICIARY_REFS_INVALID',
  /** details: orderId */
  ORDER_ALREADY_SHIPPED = 'ORDER_ALREADY_SHIPPED',
  /** details: deviceId */
  DEVICE_ALREADY_SHIPPED = 'DEVICE_ALREADY_SHIPPED',
  /** details: deviceId */
  DEVICE_NOT_AT_DELIVERY = 'DEVICE_NOT_AT_DELIVERY',
  /** details: deviceId, otherDeviceId */
  SWAP_SAME_LINE = 'SWAP_SAME_LINE',
  /** details: problems */
  SWAP_NOT_ELIGIBLE = 'SWAP_NOT_ELIGIBLE',

  // loans, warranty and repairs
  /** details: field, problem (MISSING, NOT_A_LOAN, PAST, TOO_FAR, NOT_LATER), latest (ISO) */
  LOAN_DUE_DATE_INVALID = 'LOAN_DUE_DATE_INVALID',
  /** details: deviceId, status */
  DEVICE_NOT_DELIVERED = 'DEVICE_NOT_DELIVERED',
  /** details: deviceId, ticketId */
  REPAIR_TICKET_ALREADY_OPEN = 'REPAIR_TICKET_ALREADY_OPEN',
  /** details: field, problem (MISSING, NOT_REPLACED, SAME_DEVICE, NOT_IN_STOCK), status */
  REPLACEMENT_DEVICE_INVALID = 'REPLACEMENT_DEVICE_INVALID',
  /** details: field */
  PERSONAL_DATA_REFUSED = 'PERSONAL_DATA_REFUSED',

  // the people equipped: needs, the waiting list, accompaniment
  /** details: field */
  PSEUDONYMOUS_REFERENCE_INVALID = 'PSEUDONYMOUS_REFERENCE_INVALID',
  /** details: field */
  VOUCHER_NUMBER_REQUIRED = 'VOUCHER_NUMBER_REQUIRED',
  /** details: field, basis */
  VOUCHER_NUMBER_NOT_APPLICABLE = 'VOUCHER_NUMBER_NOT_APPLICABLE',
  /** details: field, basis, accepted */
  ELIGIBILITY_BASIS_NOT_ACCEPTED = 'ELIGIBILITY_BASIS_NOT_ACCEPTED',
  /** details: profile, category, problems */
  NEED_CATEGORY_NOT_FOR_PROFILE = 'NEED_CATEGORY_NOT_FOR_PROFILE',
  /** details: field, needId */
  NEED_ALREADY_OPEN = 'NEED_ALREADY_OPEN',
  /** details: needId, status */
  NEED_NOT_WAITING = 'NEED_NOT_WAITING',
  /** details: field */
  NEEDS_OF_SEVERAL_PARTNERS = 'NEEDS_OF_SEVERAL_PARTNERS',
  /** details: field */
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',

  // stock counts
  /** details: field */
  DISCREPANCY_DECISION_INVALID = 'DISCREPANCY_DECISION_INVALID',
  /** details: status */
  STOCK_COUNT_CLOSED = 'STOCK_COUNT_CLOSED',
  /** details: decision */
  DISCREPANCY_ALREADY_DECIDED = 'DISCREPANCY_ALREADY_DECIDED',

  // notifications
  /** details: field, event */
  SECURITY_EMAIL_REQUIRED = 'SECURITY_EMAIL_REQUIRED',
  EMAILS_NOT_CAPTURED = 'EMAILS_NOT_CAPTURED',

  // money: prices, quotes, invoices
  /** details: field, category, grade, priceCents, capCents, source (the text that sets the cap) */
  PRICE_ABOVE_LEGAL_CAP = 'PRICE_ABOVE_LEGAL_CAP',

  // paperwork: agreements, tax receipts, public reuse report, waste register
  /** details: deviceId, status */
  DEVICE_NOT_RECYCLED = 'DEVICE_NOT_RECYCLED',
  /** details: deviceId, count */
  RECYCLING_DESTINATION_RECORDED = 'RECYCLING_DESTINATION_RECORDED',
  /** details: refurbisherId */
  TAX_RECEIPT_NOT_ELIGIBLE = 'TAX_RECEIPT_NOT_ELIGIBLE',
  /** details: donationId, number */
  TAX_RECEIPT_ALREADY_ISSUED = 'TAX_RECEIPT_ALREADY_ISSUED',
  /** details: donorId */
  NOT_PUBLIC_BODY = 'NOT_PUBLIC_BODY',
  /** details: donationId */
  AGREEMENT_NOT_READY = 'AGREEMENT_NOT_READY',
}

/** The reason of a refusal that names none: the generic one of its code. */
export function defaultReason(code: ErrorCode): ErrorReason {
  switch (code) {
    case ErrorCode.UNAUTHENTICATED:
      return ErrorReason.UNAUTHENTICATED;
    case ErrorCode.FORBIDDEN:
      return ErrorReason.FORBIDDEN;
    case ErrorCode.NOT_FOUND:
      return ErrorReason.NOT_FOUND;
    case ErrorCode.BAD_USER_INPUT:
      return ErrorReason.INVALID_INPUT;
    case ErrorCode.CONFLICT:
      return ErrorReason.CONFLICT;
    case ErrorCode.RATE_LIMITED:
      return ErrorReason.RATE_LIMITED;
    case ErrorCode.QUERY_TOO_COMPLEX:
      return ErrorReason.QUERY_TOO_COMPLEX;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return ErrorReason.INTERNAL;
  }
}
