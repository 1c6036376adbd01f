import { ForbiddenError } from '@app/common';

/** A report link whose signature does not match its donor, period, kind and expiry. */
export class ReportLinkInvalidError extends ForbiddenError {
  constructor() {
    super('This link is not valid for this report: ask for the report again to get a new one');
  }
}

/** A genuine report link past its expiry (HTTP 410 Gone). */
export class ReportLinkExpiredError extends ForbiddenError {
  constructor(readonly expiredAt: Date) {
    super(`This link expired on ${expiredAt.toISOString()}: ask for the report again to get a new one`);
  }
}
