import { DeviceCategory } from '@app/common';

/**
 * Whether devices of each category must be erased, from the donation's lines: a category is
 * data-bearing when any of its lines is (a line cannot say which of its devices it meant). A
 * category the donor did not declare is data-bearing: when unsure, erase. A device without
 * storage then records the NO_STORAGE method.
 */
export function dataBearingByCategory(lines: ReadonlyArray<{ category: DeviceCategory; dataBearing: boolean }>): (category: DeviceCategory) => boolean {
  const declared = new Map<DeviceCategory, boolean>();
  for (const line of lines) declared.set(line.category, (declared.get(line.category) ?? false) || line.dataBearing);
  return (category) => declared.get(category) ?? true;
}
