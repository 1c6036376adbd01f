import { render, screen } from '@testing-library/react';
import { FRENCH_REASON_MESSAGES } from '../../../../libs/common/src/errors/reason-messages.fr';
import { ErrorNotice } from '../components/notices';
import { ApiError } from './api-error';
import { request } from './request';
import { currentSession, startSession } from './session';

describe('the API’s refusals in French', () => {
  it('reads the sentence of extensions.reason from the shared catalogue, with its details', () => {
    const error = ApiError.from({
      message: 'A PARTNER user…',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', details: { field: 'email' } },
    });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.reason).toBe('INVALID_INPUT');
    expect(error.message).toBe('La valeur du champ « email » n’est pas valable : corrigez-la.');
    // never the English message written for programs
    expect(error.message).not.toMatch(/PARTNER/);
  });

  it('falls back on the code’s sentence when the reason is missing or unknown to this console', () => {
    for (const reason of [undefined, 'A_REASON_FROM_A_NEWER_API']) {
      const error = ApiError.from({ extensions: { code: 'FORBIDDEN', reason } });
      expect(error.message).toBe(FRENCH_REASON_MESSAGES.FORBIDDEN({}));
    }
    expect(ApiError.from({ extensions: { code: 'NOT_FOUND' } }).message).toMatch(/n’existe pas, ou vous n’y avez pas accès/);
    // no extensions at all: an internal error, said as such
    expect(ApiError.from({ message: 'boom' }).message).toBe(FRENCH_REASON_MESSAGES.INTERNAL({}));
  });

  it('keeps the spreadsheet’s rows, dropping what is not a row', () => {
    const error = ApiError.from({
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        details: { rows: [{ line: 4, column: 'Qté', message: 'pas un nombre' }, 'garbage', null, { line: '5', message: 7 }] },
      },
    });
    expect(error.rows).toEqual([
      { line: 4, column: 'Qté', message: 'pas un nombre' },
      { line: undefined, column: undefined, message: '' },
    ]);
  });

  it('renders as an alert with the sentence, from what the API answered', () => {
    render(<ErrorNotice error={ApiError.from({ extensions: { code: 'CONFLICT', reason: 'CONFLICT' } })} />);
    expect(screen.getByRole('alert').textContent).toBe('Cette action n’est plus possible dans l’état actuel : rechargez la page.');
  });
});

describe('request', () => {
  const document = { toString: () => 'query WebMe { me { id } }' } as unknown as Parameters<typeof request>[0];
  const answer = (body: unknown) => jest.fn(async () => ({ json: async () => body }) as Response);

  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('sends the token and the variables, and returns the data', async () => {
    const fetch = answer({ data: { me: { id: 'u1' } } });
    globalThis.fetch = fetch;
    startSession('header.e30.sig', { id: 'u1', email: 'a@b.test', name: null, role: 'DONOR', organization: null });
    expect(await request(document, { a: 1 })).toEqual({ me: { id: 'u1' } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer header.e30.sig');
    expect(JSON.parse(String(init.body))).toEqual({ query: 'query WebMe { me { id } }', variables: { a: 1 } });
  });

  it('ends the session when the API refuses the token, and says why in French', async () => {
    globalThis.fetch = answer({ errors: [{ message: 'no', extensions: { code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' } }] });
    startSession('header.e30.sig', { id: 'u1', email: 'a@b.test', name: null, role: 'DONOR', organization: null });
    await expect(request(document)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: FRENCH_REASON_MESSAGES.UNAUTHENTICATED({}) });
    expect(currentSession()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('turns a network failure or a body that is not JSON into one French sentence', async () => {
    globalThis.fetch = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(request(document)).rejects.toMatchObject({ code: 'NETWORK', message: expect.stringMatching(/Le serveur ne répond pas/) });
    globalThis.fetch = jest.fn(async () => ({ json: async () => JSON.parse('<html>') }) as Response);
    await expect(request(document)).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
