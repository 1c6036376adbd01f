import { DeviceCategory } from '@app/common';

export interface Co2eFactor {
  /** kg CO2e of manufacturing (and distribution) one new device of the category */
  kgPerDevice: number;
  source: string;
}

/**
 * The footprint a reused device avoids: the manufacturing of a new one. Defaults from ADEME's
 * public figures (Base Empreinte®, as published on impactco2.fr, "fabrication" phase); a
 * network that uses other references sets CO2E_FACTORS (JSON: {"LAPTOP": 150, ...}). The report
 * prints the source of every factor it used, so a donor can check it.
 */
export const DEFAULT_CO2E_FACTORS: Record<DeviceCategory, Co2eFactor> = {
  [DeviceCategory.LAPTOP]: { kgPerDevice: 156, source: 'ADEME Base Empreinte / impactco2.fr — ordinateur portable, fabrication' },
  [DeviceCategory.DESKTOP]: { kgPerDevice: 169, source: 'ADEME Base Empreinte / impactco2.fr — ordinateur fixe (unité centrale), fabrication' },
  [DeviceCategory.MONITOR]: { kgPerDevice: 86, source: 'ADEME Base Empreinte / impactco2.fr — écran 21-24 pouces, fabrication' },
  [DeviceCategory.TABLET]: { kgPerDevice: 63, source: 'ADEME Base Empreinte / impactco2.fr — tablette, fabrication' },
  [DeviceCategory.SMARTPHONE]: { kgPerDevice: 39, source: 'ADEME Base Empreinte / impactco2.fr — smartphone, fabrication' },
  [DeviceCategory.PRINTER]: { kgPerDevice: 47, source: 'ADEME Base Empreinte — imprimante laser, fabrication' },
  [DeviceCategory.OTHER]: { kgPerDevice: 0, source: 'not counted: no common reference for miscellaneous equipment' },
};

const NETWORK_SOURCE = 'set by this network (CO2E_FACTORS)';

/** The factors in force: the defaults, overridden per category by CO2E_FACTORS. */
export function co2eFactors(overridesJson?: string): Record<DeviceCategory, Co2eFactor> {
  if (!overridesJson) return { ...DEFAULT_CO2E_FACTORS };
  const overrides = JSON.parse(overridesJson) as Record<string, unknown>;
  for (const [category, value] of Object.entries(overrides)) {
    if (!(category in DEFAULT_CO2E_FACTORS)) throw new Error(`CO2E_FACTORS: unknown category ${category}`);
    if (typeof value !== 'number' || !(value >= 0)) throw new Error(`CO2E_FACTORS: ${category} must be a number of kg >= 0`);
  }
  return co2eFactorsWith(overrides as Partial<Record<DeviceCategory, number>>);
}

/** The same from overrides already validated (AppConfig.co2eFactors, checked at start). */
export function co2eFactorsWith(overrides: Partial<Record<DeviceCategory, number>>): Record<DeviceCategory, Co2eFactor> {
  const factors = { ...DEFAULT_CO2E_FACTORS };
  for (const [category, kgPerDevice] of Object.entries(overrides) as Array<[DeviceCategory, number]>) {
    factors[category] = { kgPerDevice, source: NETWORK_SOURCE };
  }
  return factors;
}
