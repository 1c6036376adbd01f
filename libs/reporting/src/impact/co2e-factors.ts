import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DeviceCategory } from '@app/common';

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

/** The factors in force: the defaults, overridden per category by AppConfig.co2eFactors (CO2E_FACTORS, validated at start). */
export function co2eFactorsWith(overrides: Partial<Record<DeviceCategory, number>>): Record<DeviceCategory, Co2eFactor> {
  const factors = { ...DEFAULT_CO2E_FACTORS };
  for (const [category, kgPerDevice] of Object.entries(overrides) as Array<[DeviceCategory, number]>) {
    factors[category] = { kgPerDevice, source: NETWORK_SOURCE };
  }
  return factors;
}

/** The factors in force, for the reports that need them (the donor report, the dashboard). */
export const CO2E_FACTORS = Symbol('CO2E_FACTORS');
export const co2eFactorsProvider: Provider = {
  provide: CO2E_FACTORS,
  useFactory: (config: AppConfig) => co2eFactorsWith(config.co2eFactors),
  inject: [APP_CONFIG],
};
