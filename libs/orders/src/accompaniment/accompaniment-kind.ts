import { registerEnumType } from '@nestjs/graphql';

/** What a session with a person was. */
export enum AccompanimentKind {
  DIGITAL_SKILLS_WORKSHOP = 'DIGITAL_SKILLS_WORKSHOP',
  FIRST_SETUP = 'FIRST_SETUP',
  FOLLOW_UP = 'FOLLOW_UP',
}

registerEnumType(AccompanimentKind, {
  name: 'AccompanimentKind',
  valuesMap: {
    DIGITAL_SKILLS_WORKSHOP: { description: 'a digital skills workshop (alone or in a group)' },
    FIRST_SETUP: { description: 'the device set up with the person: accounts, e-mail, first steps' },
    FOLLOW_UP: { description: 'a later visit or call' },
  },
});
