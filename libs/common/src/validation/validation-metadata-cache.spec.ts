import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MetadataStorage,
  Min,
  MinLength,
  registerDecorator,
  ValidateNested,
  Validator,
} from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

/**
 * The cache is installed on class-validator's process-wide storage (as the API does), and every
 * answer is compared with an uncached storage holding the same rules.
 */
describe('cacheValidationMetadata', () => {
  class Address {
    @IsString()
    @MinLength(2)
    city!: string;
  }
  class Base {
    @IsInt()
    @Min(1)
    quantity!: number;
  }
  class Line extends Base {
    @IsOptional()
    @IsString()
    brand?: string;

    @Max(10, { groups: ['strict'] })
    @IsOptional()
    year?: number;
  }
  class Declaration {
    @ValidateNested()
    @Type(() => Address)
    address!: Address;

    @ValidateNested({ each: true })
    @Type(() => Line)
    lines!: Line[];
  }

  const validator = new Validator();
  const options = { whitelist: true, forbidNonWhitelisted: true };
  const declaration = (lines: object[], city = 'Lyon') =>
    Object.assign(new Declaration(), { address: Object.assign(new Address(), { city }), lines: lines.map((l) => Object.assign(new Line(), l)) });
  const refused = async (o: object, groups?: string[]) =>
    JSON.stringify(
      (await validator.validate(o, { ...options, groups })).map(function flat(e): unknown {
        return { p: e.property, c: e.constraints, k: e.children?.map(flat) };
      }),
    );

  let uncached: MetadataStorage;
  beforeAll(() => {
    // an uncached copy of the storage as it stands, to compare against
    const storage = getMetadataStorage();
    uncached = Object.assign(Object.create(MetadataStorage.prototype) as MetadataStorage, storage);
    cacheValidationMetadata(storage);
    cacheValidationMetadata(storage); // a second install changes nothing
  });

  it('finds the same rules, inherited ones and groups included, and hands out the same list each time', () => {
    const storage = getMetadataStorage();
    for (const target of [Address, Base, Line, Declaration]) {
      for (const groups of [undefined, ['strict'], []]) {
        for (const always of [false, true]) {
          const cached = storage.getTargetValidationMetadatas(target, '', always, false, groups);
          expect(cached).toEqual(uncached.getTargetValidationMetadatas(target, '', always, false, groups));
          expect(storage.getTargetValidationMetadatas(target, '', always, false, groups)).toBe(cached);
          expect(Object.isFrozen(cached)).toBe(true);
        }
      }
    }
    const line = storage.getTargetValidationMetadatas(Line, '', false, false, undefined);
    // quantity's two rules come from Base
    expect(line.filter((m) => m.propertyName === 'quantity')).toHaveLength(2);
    expect(storage.groupByPropertyName(line)).toBe(storage.groupByPropertyName(line));
  });

  it('refuses exactly what class-validator refuses, nested lists and unknown fields included', async () => {
    expect(await refused(declaration([{ quantity: 2, brand: 'Dell' }]))).toBe('[]');
    const bad = await refused(declaration([{ quantity: 0 }, { quantity: 3, brand: 7, colour: 'red' }], 'L'));
    expect(bad).toContain('"min":"quantity must not be less than 1"');
    expect(bad).toContain('"isString":"brand must be a string"');
    expect(bad).toContain('"whitelistValidation":"property colour should not exist"');
    expect(bad).toContain('"minLength":"city must be longer than or equal to 2 characters"');
    // a rule of a group: applied without groups (class-validator's default) and with its own group
    expect(await refused(declaration([{ quantity: 1, year: 2020 }]))).toContain('"max":"year must not be greater than 10"');
    const line = Object.assign(new Line(), { quantity: 0, year: 2020 });
    const strict = await refused(line, ['strict']);
    expect(strict).toContain('"max":"year must not be greater than 10"');
    // quantity's rules are in no group: not checked for this group, so it is refused as not listed in it
    expect(strict).not.toContain('"min"');
    expect(strict).toContain('"whitelistValidation":"property quantity should not exist"');
  });

  it('sees rules registered after a lookup: a class defined late, and a rule added to a class already looked up', async () => {
    expect(await refused(declaration([{ quantity: 1 }]))).toBe('[]');
    // a rule registered on Address after its rules were cached (as a decorator applied late would)
    registerDecorator({
      name: 'notParis',
      target: Address,
      propertyName: 'city',
      validator: { validate: (value: unknown) => value !== 'Paris', defaultMessage: () => 'city must not be Paris' },
    });
    expect(await refused(declaration([{ quantity: 1 }], 'Paris'))).toContain('city must not be Paris');

    // a subclass defined after its parent's rules were cached inherits them
    class LateLine extends Line {
      @IsString()
      serial!: string;
    }
    const errors = await validator.validate(Object.assign(new LateLine(), { quantity: 0, serial: 'S1' }), options);
    expect(errors.map((e) => e.property)).toEqual(['quantity']);
  });
});
