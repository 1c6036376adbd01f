import { registerEnumType } from '@nestjs/graphql';

export enum Grade {
  A = 'A',
  B = 'B',
  C = 'C',
}

registerEnumType(Grade, { name: 'Grade' });
