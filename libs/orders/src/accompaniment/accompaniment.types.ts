import { ConnectionType } from '@app/common';
import { Accompaniment } from './accompaniment.entity';

export const AccompanimentConnection = ConnectionType(Accompaniment, 'Accompaniment');
