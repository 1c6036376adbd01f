import { BadInputError, ErrorReason } from '@app/common';

/**
 * What a completed pickup leaves behind: the declared quantity minus what was collected.
 * Collecting nothing is not a pickup, and more than declared means the lot is wrong; both are
 * refused. A shortfall is kept and shown (DESIGN.md), never dropped.
 */
export function shortfallOf(declaredQuantity: number, collectedQuantity: number): number {
  if (!Number.isInteger(collectedQuantity) || collectedQuantity < 1 || collectedQuantity > declaredQuantity) {
    throw new BadInputError(
      `collectedQuantity must be a whole number from 1 to the lot's ${declaredQuantity} (got ${collectedQuantity}): count the devices collected again`,
      { field: 'collectedQuantity', lotQuantity: declaredQuantity, given: collectedQuantity },
      ErrorReason.COLLECTED_QUANTITY_INVALID,
    );
  }
  return declaredQuantity - collectedQuantity;
}
