import { DeviceSpecs, SPEC_KEYS } from '../entities/device-specs';

export type SpecsUpdate = { [K in (typeof SPEC_KEYS)[number]]?: DeviceSpecs[K] | undefined };

export function emptySpecs(): DeviceSpecs {
  return Object.assign(new DeviceSpecs(), { cpu: null, ramGb: null, storageGb: null, ssd: null, screenInches: null, os: null });
}

/**
 * Specs recorded at intake are completed at grading: what is given replaces what was recorded
 * (null clears it), what is left out stays. Text is trimmed; blank text is no value.
 */
export function mergeSpecs(current: DeviceSpecs, update: SpecsUpdate | null | undefined): DeviceSpecs {
  const merged = Object.assign(emptySpecs(), current);
  if (!update) return merged;
  for (const key of SPEC_KEYS) {
    const value = update[key];
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() || null : value;
  }
  return merged;
}
