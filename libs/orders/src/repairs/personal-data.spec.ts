import { holdsContactDetails } from './personal-data';

describe('contact details in a repair ticket', () => {
  it.each(['écran noir, appeler Mme X au 06 12 34 56 78', 'joindre jean.dupont@example.fr', 'tel +33 6 12 34 56 78', '0612345678 rappeler'])(
    'refuses %s',
    (text) => expect(holdsContactDetails(text)).toBe(true),
  );

  it.each([
    'écran noir au démarrage',
    'batterie à 12 %, tient 20 min',
    'clavier : touches @ et # ne répondent pas',
    'RAM 8 Go, disque 256 Go SSD, BIOS v1.02.03',
  ])('accepts %s', (text) => expect(holdsContactDetails(text)).toBe(false));
});
