import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/request';
import { answerOperations } from '../../test-support/mock-api';
import { JobsPage } from './jobs-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const overview = (redisUp: boolean) => ({
  jobs: {
    redisUp,
    outboxPending: 4,
    outboxLagSeconds: 185,
    queues: redisUp ? [{ name: 'routing', waiting: 2, active: 1, delayed: 0, completed: 1200, failed: 3 }] : [],
    recentFailures: redisUp
      ? [{ queue: 'routing', name: 'route-region', id: '42', reason: 'solver timeout', attempts: 5, failedAt: '2026-03-02T09:00:00Z' }]
      : [],
  },
});

describe('Tâches de fond', () => {
  afterEach(() => mocked.mockReset());

  it('shows each queue, the outbox and its lag, the last failures, and the way to the queue board', async () => {
    answerOperations(mocked, { WebJobsOverview: () => overview(true) });
    render(<JobsPage />);
    const queues = await screen.findByRole('table', { name: 'Files de tâches' });
    const row = within(queues).getByRole('row', { name: /routing/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent?.replace(/\u202f/g, ' ')),
    ).toEqual(['2', '1', '0', '1 200', '3']);
    expect(screen.getByText('3 min 05 s')).toBeTruthy();
    const failures = screen.getByRole('table', { name: /en échec/ });
    expect(within(failures).getByText('solver timeout')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Bull Board/ }).getAttribute('href')).toBe('/admin/queues');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says that Redis is away, and reads again on demand', async () => {
    const user = userEvent.setup();
    let up = false;
    const calls = answerOperations(mocked, { WebJobsOverview: () => overview(up) });
    render(<JobsPage />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Redis ne répond pas/);
    expect(screen.getByText('Aucune tâche en échec.')).toBeTruthy();
    up = true;
    await user.click(screen.getByRole('button', { name: 'Actualiser' }));
    await screen.findByRole('table', { name: 'Files de tâches' });
    expect(calls).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the refusal of someone who is not an administrator', async () => {
    answerOperations(mocked, {
      WebJobsOverview: () => {
        throw ApiError.from({ extensions: { code: 'FORBIDDEN', reason: 'FORBIDDEN' } });
      },
    });
    render(<JobsPage />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Votre rôle ne permet pas cette action/);
  });
});
