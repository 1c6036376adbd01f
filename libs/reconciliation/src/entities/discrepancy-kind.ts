import { registerEnumType } from '@nestjs/graphql';

export enum DiscrepancyKind {
  MISSING = 'MISSING',
  UNEXPECTED = 'UNEXPECTED',
}

registerEnumType(DiscrepancyKind, {
  name: 'DiscrepancyKind',
  valuesMap: {
    MISSING: { description: "expected on the refurbisher's shelf but not counted" },
    UNEXPECTED: { description: 'counted but not expected there' },
  },
});
