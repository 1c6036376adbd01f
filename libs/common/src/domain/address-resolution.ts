import { BadInputError } from '../errors/domain-error';
import { ErrorReason } from '../errors/error-reason';
import { FrenchPlace, lookupFrenchPlace } from '../geo/french-geocoder';
import { LatLon } from '../geo/great-circle';
import { Address, AddressInput } from './address';

/** The refusal of an address that cannot be placed: what was asked, and the communes its postal code has. */
export function addressNotFound(input: AddressInput, suggestions: string[]): BadInputError {
  const postalCode = input.postalCode.trim();
  const known = suggestions.length
    ? `Communes connues pour ce code postal : ${suggestions.join(', ')}.`
    : `Aucune commune connue ne porte ce code postal ou ce nom dans le département.`;
  return new BadInputError(
    `Adresse introuvable : « ${input.city.trim()} » ne correspond à aucune commune du code postal ${postalCode}. ${known} ` +
      `Corrigez la commune ou le code postal, ou indiquez les coordonnées (address.location).`,
    { field: 'address.city', postalCode, suggestions, city: input.city.trim() },
    ErrorReason.ADDRESS_NOT_FOUND,
  );
}

/** The stored form of an address at a known point. */
export function addressAt(input: AddressInput, location: LatLon): Address {
  return { street: input.street?.trim() || null, postalCode: input.postalCode, city: input.city.trim(), location: { lat: location.lat, lon: location.lon } };
}

/** Where the offline data places an address, or the refusal that tells the person what to fix. */
export function placeOffline(input: AddressInput): FrenchPlace {
  const lookup = lookupFrenchPlace(input.city, input.postalCode);
  if (!lookup.place) throw addressNotFound(input, lookup.suggestions);
  return lookup.place;
}

/** Turns an address input into a stored address from the offline data only (no network): see AddressResolver. */
export function resolveAddress(input: AddressInput): Address {
  return addressAt(input, input.location ?? placeOffline(input));
}
