import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/request';
import type { Session } from '../../api/session';
import { answerOperations } from '../../test-support/mock-api';
import { SESSIONS } from '../../test-support/sessions';
import { DonationAgreements } from './donation-agreements';
import { PublicReuseReportPage } from './public-reuse-page';

jest.mock('../../api/request');
const mocked = jest.mocked(request);

const region = { id: 'region-ara', code: 'ARA', name: 'Auvergne-Rhône-Alpes' };
const TOWN_HALL: Session = {
  ...SESSIONS.REFURBISHER,
  user: { id: 'u-dsi', email: 'dsi@villeurbanne.test', name: null, role: 'DONOR', organization: { id: 'org-town', name: 'Mairie', kind: 'DONOR', region } },
};
const figures = { declared: 10, received: 9, reused: 4, awaitingBeneficiary: 2, recycled: 3, pending: 0, missing: 0, reuseSharePercent: 66.7 };
const report = (year: number) => ({
  publicReuseReport: {
    year,
    donorName: 'Mairie',
    ...figures,
    targetPercent: 50,
    shareReachesTarget: true,
    targetSource: 'décret n° 2023-266 du 12 avril 2023, article 3',
    method: 'Les appareils donnés au réseau, pas le stock de l’organisme.',
    byCategory: [{ category: 'LAPTOP', ...figures }],
  },
});

describe('Rapport de réemploi', () => {
  afterEach(() => mocked.mockReset());

  it('gives a public body its reuse share beside the decree’s target, year by year', async () => {
    const user = userEvent.setup();
    const calls = answerOperations(mocked, {
      WebPublicBody: () => ({ organization: { id: 'org-town', publicBody: true } }),
      WebPublicReuseReport: (v) => report(v.year as number),
    });
    render(<PublicReuseReportPage session={TOWN_HALL} />);
    const year = new Date().getFullYear();
    await screen.findByRole('heading', { name: `Part réemployée en ${year} : 66,7 %` });
    expect(screen.getByText(/Objectif de l’année : 50 %/).textContent).toContain('objectif atteint');
    expect(within(screen.getByRole('table')).getByRole('row', { name: /Ordinateur portable/ }).textContent).toContain('66,7 %');
    expect(screen.getByText('Les appareils donnés au réseau, pas le stock de l’organisme.')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Année des dons'), String(year - 1));
    await screen.findByRole('heading', { name: `Part réemployée en ${year - 1} : 66,7 %` });
    expect(calls.filter(([name]) => name === 'WebPublicReuseReport').map(([, v]) => v)).toEqual([
      { donorId: 'org-town', year },
      { donorId: 'org-town', year: year - 1 },
    ]);
  });

  it('tells a donor that is not a public body what the report is for, without asking for it', async () => {
    const calls = answerOperations(mocked, { WebPublicBody: () => ({ organization: { id: 'org-town', publicBody: false } }) });
    render(<PublicReuseReportPage session={TOWN_HALL} />);
    await screen.findByText(/n’est pas enregistrée comme organisme public/);
    expect(calls.map(([name]) => name)).toEqual(['WebPublicBody']);
  });
});

describe('a donation’s agreements', () => {
  afterEach(() => mocked.mockReset());

  it('links each workshop’s agreement as a PDF', async () => {
    answerOperations(mocked, {
      WebDonationAgreements: () => ({
        donationAgreement: [
          {
            reference: 'CD-L-0001',
            refurbisherId: 'org-ref',
            refurbisherName: 'Atelier Lyon',
            pdfUrl: 'http://localhost/papers/agreements/a.pdf?s=1',
            linkExpiresAt: '2026-03-05T09:00:00Z',
          },
        ],
      }),
    });
    render(<DonationAgreements donationId="don-1" />);
    const link = await screen.findByRole('link', { name: 'Convention CD-L-0001 avec Atelier Lyon (PDF)' });
    expect(link.getAttribute('href')).toBe('http://localhost/papers/agreements/a.pdf?s=1');
  });

  it('says plainly, not as an alert, that no workshop accepted the donation yet', async () => {
    answerOperations(mocked, {
      WebDonationAgreements: () => {
        throw ApiError.from({ extensions: { code: 'CONFLICT', reason: 'AGREEMENT_NOT_READY' } });
      },
    });
    render(<DonationAgreements donationId="don-1" />);
    await screen.findByText('Aucun atelier n’a encore accepté ce don : la convention de don sera prête dès qu’un lot sera accepté.');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
