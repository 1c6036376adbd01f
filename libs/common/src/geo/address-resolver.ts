import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Address, AddressInput } from '../domain/address';
import { addressAt, addressNotFound } from '../domain/address-resolution';
import { searchAddok } from './addok-client';
import { lookupFrenchPlace } from './french-geocoder';

/** Below this addok score the street was not really found (addok scores run from 0 to 1). */
const MIN_STREET_SCORE = 0.6;

/**
 * Places an address: at the point the caller gave; else at its street when a BAN/addok geocoder is
 * configured (GEOCODER_URL) and agrees on the postal code or commune; else at its commune from the
 * offline INSEE / La Poste data. Asynchronous because of the geocoder: call it before opening a
 * transaction, never inside one.
 */
@Injectable()
export class AddressResolver {
  private readonly logger = new Logger(AddressResolver.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async resolve(input: AddressInput): Promise<Address> {
    if (input.location) return addressAt(input, input.location);
    const offline = lookupFrenchPlace(input.city, input.postalCode);
    const street = input.street?.trim();
    if (this.config.geocoderUrl && street) {
      const postalCode = input.postalCode.trim();
      const hit = await searchAddok(this.config.geocoderUrl, `${street} ${postalCode} ${input.city.trim()}`, postalCode, this.config.geocoderTimeoutMs);
      const sameCommune = !!hit?.citycode && !!offline.place && [offline.place.code, offline.place.commune].includes(hit.citycode);
      if (hit && hit.score >= MIN_STREET_SCORE && (hit.postcode === postalCode || sameCommune)) return addressAt(input, hit);
      if (!hit) this.logger.debug(`geocoder gave nothing for ${postalCode}: commune point used`);
    }
    if (!offline.place) throw addressNotFound(input, offline.suggestions);
    return addressAt(input, offline.place);
  }
}
