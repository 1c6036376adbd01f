/**
 * Share of a refurbisher's weekly capacity, per category, that one donation may hold in offers the
 * refurbisher has not claimed yet. Offers block capacity for OFFER_TTL_HOURS (48 h) before anyone
 * confirms them; without a bound, one large declaration (a mistake, or bad faith) would take every
 * refurbisher's whole week and leave the other donors waiting two days. Once the refurbisher claims
 * a lot it has confirmed it, and the next routing run may offer it more of the same donation.
 * The share is ROUTING_DONATION_OFFER_SHARE_PERCENT (default 50: a single declaration never holds
 * more than half of a region's unconfirmed capacity).
 */
/** Devices of one category one donation may have offered (unclaimed) to one refurbisher at once; at least 1. */
export function donationOfferCap(weeklyCapacity: number, sharePercent: number): number {
  return Math.max(1, Math.ceil((sharePercent * weeklyCapacity) / 100));
}
