import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig, DeviceCategory } from '@app/common';

export interface Co2eFactor {
  /** kg CO2e of making and distributing one new device of the category; 0 when not counted */
  kgPerDevice: number;
  /** false: no reference factor, the category's reused devices count for no CO2e */
  counted: boolean;
  source: string;
  /** which edition of the reference the figure comes from */
  version: string;
  /** which life-cycle stages the figure covers */
  scope: string;
}

const IMPACT_CO2 = 'ADEME, Impact CO2 (impactco2.fr), catégorie Numérique';
/** The study impactco2.fr cites for every device below (données 2020), read on impactco2.fr in December 2026. */
const ADEME_ARCEP_2022 = 'étude ADEME-Arcep 2022 « Évaluation de l’impact environnemental du numérique en France » (relevé décembre 2026)';
const MAKE_AND_SHIP = 'fabrication + distribution';

const published = (kgPerDevice: number, device: string): Co2eFactor => ({
  kgPerDevice,
  counted: true,
  source: `${IMPACT_CO2} — ${device}`,
  version: ADEME_ARCEP_2022,
  scope: MAKE_AND_SHIP,
});

const notCounted = (why: string): Co2eFactor => ({ kgPerDevice: 0, counted: false, source: why, version: '—', scope: '—' });

/**
 * The footprint a device handed to a person avoids: making and distributing a new one (impactco2.fr
 * splits each device into "construction" and "assemblage et distribution"; their sum is used, use
 * and end of life are left out). A network that uses other references sets CO2E_FACTORS (JSON:
 * {"LAPTOP": 150, ...}). The report prints the source, version and scope of every factor it used.
 */
export const DEFAULT_CO2E_FACTORS: Record<DeviceCategory, Co2eFactor> = {
  // 170,3 construction + 12,3 assemblage et distribution
  [DeviceCategory.LAPTOP]: published(182.6, 'ordinateur portable (écran 14,6 pouces, mix de 3 configurations)'),
  // 202,6 + 1,8: the professional desktop, since donors are companies and local authorities
  [DeviceCategory.DESKTOP]: published(204.4, 'ordinateur fixe sans écran, usage professionnel'),
  // 64,6 + 1,3
  [DeviceCategory.MONITOR]: published(65.9, 'écran d’ordinateur (24 pouces en moyenne)'),
  // 56,3 + 3,4
  [DeviceCategory.TABLET]: published(59.7, 'tablette (10,5 pouces en moyenne)'),
  // 83 + 2,1
  [DeviceCategory.SMARTPHONE]: published(85.1, 'smartphone (6,6 pouces en moyenne)'),
  [DeviceCategory.PRINTER]: notCounted('non compté : pas de facteur de référence publié par l’ADEME (Impact CO2) pour une imprimante'),
  [DeviceCategory.OTHER]: notCounted('non compté : pas de facteur de référence commun pour des équipements divers'),
};

const NETWORK_SOURCE = 'facteur fixé par le réseau (CO2E_FACTORS)';

/** The factors in force: the defaults, overridden per category by AppConfig.co2eFactors (CO2E_FACTORS, validated at start). */
export function co2eFactorsWith(overrides: Partial<Record<DeviceCategory, number>>): Record<DeviceCategory, Co2eFactor> {
  const factors = { ...DEFAULT_CO2E_FACTORS };
  for (const [category, kgPerDevice] of Object.entries(overrides) as Array<[DeviceCategory, number]>) {
    factors[category] = { kgPerDevice, counted: true, source: NETWORK_SOURCE, version: 'configuration du réseau', scope: MAKE_AND_SHIP };
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
