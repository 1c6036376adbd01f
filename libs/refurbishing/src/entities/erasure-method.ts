import { registerEnumType } from '@nestjs/graphql';

export enum ErasureMethod {
  NIST_800_88_CLEAR = 'NIST_800_88_CLEAR',
  NIST_800_88_PURGE = 'NIST_800_88_PURGE',
  PHYSICAL_DESTRUCTION = 'PHYSICAL_DESTRUCTION',
  NO_STORAGE = 'NO_STORAGE',
}

registerEnumType(ErasureMethod, {
  name: 'ErasureMethod',
  valuesMap: { NO_STORAGE: { description: 'the device holds no storage medium' } },
});
