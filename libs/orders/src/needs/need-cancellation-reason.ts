import { registerEnumType } from '@nestjs/graphql';

/** Why a need was called off: a closed list, so that no free text can carry a person's details. */
export enum NeedCancellationReason {
  EQUIPPED_OTHERWISE = 'EQUIPPED_OTHERWISE',
  NO_LONGER_NEEDED = 'NO_LONGER_NEEDED',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  UNREACHABLE = 'UNREACHABLE',
  DUPLICATE = 'DUPLICATE',
}

registerEnumType(NeedCancellationReason, { name: 'NeedCancellationReason' });
