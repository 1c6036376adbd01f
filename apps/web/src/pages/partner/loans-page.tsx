import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../../api/use-api';
import { CheckboxField, TextField } from '../../components/field';
import { ErrorNotice, Loading, StatusBadge, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import {
  type WebPeopleLoansQuery,
  WebPeopleConvertLoanDocument,
  WebPeopleExtendLoanDocument,
  WebPeopleLoansDocument,
  WebPeopleReturnLoanDocument,
} from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';
import { endOfDayIso, formatTypedDay } from './estimated-wait';

type Loan = WebPeopleLoansQuery['loans']['edges'][number]['node'];

const deviceName = (loan: Loan): string =>
  loan.device ? [loan.device.serialNumber, label(CATEGORY, loan.device.category), loan.device.brand, loan.device.model].filter(Boolean).join(' ') : '—';

/** What can be done with one active loan: move its due date later, record its return, or let the person keep it. */
function LoanActions({ loan, onDone }: { loan: Loan; onDone: (message: string) => void }) {
  const extend = useMutation(WebPeopleExtendLoanDocument);
  const giveBack = useMutation(WebPeopleReturnLoanDocument);
  const convert = useMutation(WebPeopleConvertLoanDocument);
  const [day, setDay] = useState('');
  const who = loan.beneficiaryRef ?? deviceName(loan);

  const onExtend = async (event: FormEvent) => {
    event.preventDefault();
    if (!day) return;
    if (await extend.run({ loanId: loan.id, dueDate: endOfDayIso(day) })) onDone(`Prêt de ${who} prolongé jusqu’au ${formatTypedDay(day)}.`);
  };
  const onReturn = async () => {
    if (!window.confirm(`Enregistrer le retour de l’appareil prêté à ${who} ? Il repart à l’atelier, qui l’efface à nouveau.`)) return;
    const result = await giveBack.run({ loanId: loan.id });
    if (result) onDone(`Retour enregistré : l’appareil de ${who} est attendu par ${result.returnLoan.returnedTo?.name ?? 'l’atelier'}.`);
  };
  const onConvert = async () => {
    if (!window.confirm(`${who} garde l’appareil : le prêt devient un don. Continuer ?`)) return;
    if (await convert.run({ loanId: loan.id })) onDone(`Le prêt de ${who} est devenu un don.`);
  };

  return (
    <div className="stack">
      <ErrorNotice error={extend.error ?? giveBack.error ?? convert.error} />
      <form onSubmit={onExtend} className="actions">
        <TextField label={`Nouvelle échéance (${who})`} type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
        <button type="submit" disabled={extend.running || !day}>
          Prolonger
        </button>
      </form>
      <div className="actions">
        <button type="button" className="secondary" disabled={giveBack.running} onClick={onReturn}>
          Enregistrer le retour ({who})
        </button>
        <button type="button" className="secondary" disabled={convert.running} onClick={onConvert}>
          Transformer en don ({who})
        </button>
      </div>
    </div>
  );
}

/** The partner's loans: who has which device until when, the overdue ones first to call. */
export function LoansPage() {
  const [overdueOnly, setOverdueOnly] = useState(false);
  const { data, error, loading, reload } = useQuery(WebPeopleLoansDocument, { overdueOnly, first: 100 });
  const [done, setDone] = useState<string | null>(null);
  const loans = data?.loans.edges.map((edge) => edge.node) ?? [];
  const finished = (message: string) => {
    setDone(message);
    reload();
  };

  return (
    <Page title="Prêts">
      <p className="lead">Les appareils prêtés aux personnes que vous accompagnez, jusqu’à leur échéance.</p>
      <CheckboxField label="Seulement les prêts en retard" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error} />
      {loading && !data && <Loading what="Chargement des prêts" />}
      {data && loans.length === 0 && (
        <p>{overdueOnly ? 'Aucun prêt en retard.' : 'Aucun prêt pour l’instant : une livraison se confirme en prêt sur la page de sa commande.'}</p>
      )}
      {loans.map((loan) => (
        <section key={loan.id} className="panel" aria-labelledby={`loan-${loan.id}`}>
          <h2 id={`loan-${loan.id}`}>
            {loan.beneficiaryRef ?? 'Prêt'} — {deviceName(loan)}
          </h2>
          <p>
            <StatusBadge value={loan.status} />
            {loan.overdue && <strong> En retard</strong>} · livré le {formatDate(loan.deliveredAt)} · échéance le {formatDate(loan.dueDate)}
            {loan.extensions > 0 && <> (prolongé {loan.extensions} fois)</>}
            {loan.endedAt && <> · terminé le {formatDate(loan.endedAt)}</>}
            {loan.returnedTo && <> · rendu à {loan.returnedTo.name}</>}
          </p>
          {loan.status === 'ACTIVE' && <LoanActions loan={loan} onDone={finished} />}
        </section>
      ))}
    </Page>
  );
}
