import { BadInputError } from '../errors/domain-error';
import { geocodeFrenchCity } from '../geo/french-geocoder';
import { Address, AddressInput } from './address';

/** Turns an address input into a stored address, resolving its location when absent. */
export function resolveAddress(input: AddressInput): Address {
  const location = input.location ?? geocodeFrenchCity(input.city, input.postalCode);
  if (!location) {
    throw new BadInputError(`Cannot locate "${input.city}" (${input.postalCode}): give address.location`, { field: 'address.location' });
  }
  return { street: input.street?.trim() || null, postalCode: input.postalCode, city: input.city.trim(), location: { lat: location.lat, lon: location.lon } };
}
