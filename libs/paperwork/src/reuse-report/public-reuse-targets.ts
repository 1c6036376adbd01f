/**
 * The yearly reuse targets of public bodies for the IT equipment they dispose of: décret
 * n° 2023-266 du 12 avril 2023 « fixant les objectifs et modalités de réemploi et de réutilisation
 * des matériels informatiques réformés par l’Etat et les collectivités territoriales » (JORF
 * n° 0088 du 14 avril 2023, texte n° 3), taken for article 16 of loi n° 2021-1485 du 15 novembre
 * 2021 (REEN). Its article 3: 25 % in 2023, 35 % in 2024, 50 % from 2025, computed per calendar
 * year as A / B × 100, A = the disposed items (categories 2° and 6° of article R. 543-172 of the
 * code de l'environnement: screens, monitors and equipment with screens over 100 cm², small IT
 * and telecommunication equipment) oriented to reuse or re-use during year N, B = the disposed
 * items held in stock on 1 January of year N. Items over ten years old and items holding
 * information under specific public security obligations are left out of the calculation
 * (article 1). Read on legal.tricoteuses.fr (article 3, JORFARTI000047439327) and on
 * actu-environnement.com, December 2026.
 *
 * The target is a share of the body's own disposed stock (B), which only the body knows: the
 * network reports its contribution — of the equipment it gave, how much was reused or recycled —
 * not the legal ratio itself.
 */
export const PUBLIC_REUSE_TARGET_SOURCE =
  'décret n° 2023-266 du 12 avril 2023, article 3 : 25 % en 2023, 35 % en 2024, 50 % à partir de 2025 (A/B × 100, B = matériels réformés en stock au 1er janvier)';

export function publicReuseTargetPercent(year: number): number | null {
  if (year < 2023) return null;
  if (year === 2023) return 25;
  if (year === 2024) return 35;
  return 50;
}

export interface ReuseCounts {
  reused: number;
  awaitingBeneficiary: number;
  recycled: number;
}

/**
 * Of the devices whose fate is decided (oriented to reuse, or recycled), the share oriented to
 * reuse, in percent with one decimal; null when none is decided yet. A device refurbished and
 * waiting for a beneficiary counts as oriented to reuse, as the decree counts items "orientés
 * vers le réemploi" in the year, not only those handed over.
 */
export function reuseSharePercent(c: ReuseCounts): number | null {
  const oriented = c.reused + c.awaitingBeneficiary;
  const decided = oriented + c.recycled;
  return decided ? Math.round((oriented / decided) * 1000) / 10 : null;
}
