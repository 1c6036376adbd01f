import { ErrorReason } from './error-reason';
import { frenchMessage } from './reason-messages.fr';

describe('French messages of the refusal reasons', () => {
  it.each(Object.values(ErrorReason))('%s reads as a French sentence, even without details', (reason) => {
    const message = frenchMessage(reason);
    expect(message).toMatch(/^[A-ZÀ-Ý].*[.!]$/);
    // no code, no English state name leaks to a person
    expect(message).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b|undefined|null/);
  });

  it('names the states of a refused transition in French', () => {
    expect(frenchMessage(ErrorReason.TRANSITION_NOT_ALLOWED, { entity: 'Device', from: 'RECEIVED', to: 'IN_STOCK' })).toBe(
      'Cet appareil est « réceptionné » : il ne peut pas passer à « en stock ». Rechargez la page pour voir son état.',
    );
  });

  it('says when to try again after a rate limit', () => {
    expect(frenchMessage(ErrorReason.RATE_LIMITED, { retryAfterSeconds: 30 })).toBe('Trop de demandes : réessayez dans 30 secondes.');
  });
});
