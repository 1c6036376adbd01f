import { FormEvent, useState } from 'react';
import type { Session } from '../../api/session';
import { useMutation, useQuery } from '../../api/use-api';
import { optionsOf, SelectField, TextField } from '../../components/field';
import { ErrorNotice, Loading, StatusBadge, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { formatDate } from '../../format';
import {
  type BeneficiaryProfile,
  type DeviceCategory,
  type EligibilityBasis,
  type NeedCancellationReason,
  type NeedUrgency,
  type ReferralSource,
  WebPeopleAcceptedBasesDocument,
  WebPeopleCancelNeedDocument,
  WebPeopleNeedsDocument,
  WebPeopleOrderForNeedsDocument,
  WebPeopleRecordNeedDocument,
  WebPeopleWaitingListDocument,
} from '../../generated/graphql';
import { CATEGORY, ELIGIBILITY_BASIS, label, NEED_CANCELLATION_REASON, NEED_URGENCY, PROFILE, REFERRAL_SOURCE } from '../../labels';
import { Link, navigate } from '../../router';
import { formatEstimatedWait } from './estimated-wait';

/** The rule the API applies to a reference, said where the social worker types it. */
export const REFERENCE_HINT =
  'Votre numéro de dossier, par exemple CCAS-2026-0042 : lettres, chiffres et . _ / # - seulement (64 au plus). Jamais de nom, d’adresse e-mail ni de téléphone : la personne reste anonyme pour le réseau.';

interface NeedDraft {
  beneficiaryRef: string;
  profile: BeneficiaryProfile;
  category: DeviceCategory;
  referralSource: ReferralSource;
  eligibilityBasis: EligibilityBasis | '';
  voucherNumber: string;
  urgency: NeedUrgency;
}

const emptyDraft = (): NeedDraft => ({
  beneficiaryRef: '',
  profile: 'JOB_SEEKER',
  category: 'LAPTOP',
  referralSource: 'PARTNER',
  eligibilityBasis: '',
  voucherNumber: '',
  urgency: 'NORMAL',
});

function RecordNeedForm({ regionId, onDone }: { regionId: string; onDone: (message: string) => void }) {
  const bases = useQuery(WebPeopleAcceptedBasesDocument, { regionId }, !regionId);
  const record = useMutation(WebPeopleRecordNeedDocument);
  const [draft, setDraft] = useState<NeedDraft>(emptyDraft);
  const accepted = bases.data?.acceptedEligibilityBases ?? [];
  const basis = draft.eligibilityBasis || accepted[0] || '';
  const change = (part: Partial<NeedDraft>) => setDraft((d) => ({ ...d, ...part }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!basis) return;
    const done = await record.run({
      input: {
        beneficiaryRef: draft.beneficiaryRef.trim(),
        profile: draft.profile,
        category: draft.category,
        referralSource: draft.referralSource,
        eligibilityBasis: basis,
        voucherNumber: basis === 'VOUCHER' ? draft.voucherNumber.trim() : null,
        urgency: draft.urgency,
      },
    });
    if (done) {
      onDone(`Besoin enregistré pour ${done.recordNeed.beneficiaryRef} : la personne est sur la liste d’attente.`);
      setDraft(emptyDraft());
    }
  };

  return (
    <form className="panel stack" onSubmit={onSubmit} aria-labelledby="record-need">
      <h2 id="record-need">Enregistrer un besoin</h2>
      <ErrorNotice error={bases.error ?? record.error} />
      <TextField
        label="Référence de la personne"
        hint={REFERENCE_HINT}
        required
        maxLength={64}
        autoComplete="off"
        value={draft.beneficiaryRef}
        onChange={(e) => change({ beneficiaryRef: e.target.value })}
      />
      <SelectField
        label="Profil"
        value={draft.profile}
        options={optionsOf(PROFILE)}
        onChange={(e) => change({ profile: e.target.value as BeneficiaryProfile })}
      />
      <SelectField
        label="Appareil"
        value={draft.category}
        options={optionsOf(CATEGORY)}
        onChange={(e) => change({ category: e.target.value as DeviceCategory })}
      />
      <SelectField
        label="Orientée par"
        value={draft.referralSource}
        options={optionsOf(REFERRAL_SOURCE)}
        onChange={(e) => change({ referralSource: e.target.value as ReferralSource })}
      />
      {bases.loading && !bases.data ? (
        <Loading what="Chargement des critères d’éligibilité" />
      ) : (
        <SelectField
          label="Critère d’éligibilité"
          hint="Déclaré, jamais un justificatif : seuls les critères que la région accepte sont proposés."
          value={basis}
          options={accepted.map((value) => ({ value, label: label(ELIGIBILITY_BASIS, value) }))}
          onChange={(e) => change({ eligibilityBasis: e.target.value as EligibilityBasis })}
        />
      )}
      {basis === 'VOUCHER' && (
        <TextField
          label="Numéro du chèque ou pass"
          required
          maxLength={64}
          autoComplete="off"
          value={draft.voucherNumber}
          onChange={(e) => change({ voucherNumber: e.target.value })}
        />
      )}
      <SelectField
        label="Urgence"
        value={draft.urgency}
        options={optionsOf(NEED_URGENCY)}
        onChange={(e) => change({ urgency: e.target.value as NeedUrgency })}
      />
      <div className="actions">
        <button type="submit" disabled={record.running || !basis}>
          Enregistrer le besoin
        </button>
      </div>
    </form>
  );
}

/**
 * The partner's programme in one place: a need recorded under its own reference, the region's
 * waiting list with its place and estimated wait, cancelled with a reason from a closed list (no
 * free text that could name someone), and the waiting needs chosen ordered in one go.
 */
export function WaitingListPage({ session }: { session: Session }) {
  const regionId = session.user.organization?.region.id ?? '';
  const waiting = useQuery(WebPeopleWaitingListDocument, { regionId }, !regionId);
  const needs = useQuery(WebPeopleNeedsDocument, { first: 100 });
  const cancel = useMutation(WebPeopleCancelNeedDocument);
  const order = useMutation(WebPeopleOrderForNeedsDocument);
  const [done, setDone] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [cancelling, setCancelling] = useState<string | null>(null);
  const [reason, setReason] = useState<NeedCancellationReason>('NO_LONGER_NEEDED');

  const entries = waiting.data?.waitingList.entries ?? [];
  const all = needs.data?.needs.edges.map((edge) => edge.node) ?? [];
  const selected = entries.filter((entry) => chosen[entry.needId]).map((entry) => entry.needId);
  const reload = () => {
    waiting.reload();
    needs.reload();
  };
  const recorded = (message: string) => {
    setDone(message);
    reload();
  };

  const onCancel = async (event: FormEvent) => {
    event.preventDefault();
    const entry = entries.find((e) => e.needId === cancelling);
    if (!entry) return;
    if (await cancel.run({ needId: entry.needId, reason })) {
      setDone(`Besoin de ${entry.beneficiaryRef} annulé (${label(NEED_CANCELLATION_REASON, reason).toLowerCase()}).`);
      setCancelling(null);
      setChosen((c) => ({ ...c, [entry.needId]: false }));
      reload();
    }
  };
  const onOrder = async () => {
    const result = await order.run({ input: { needIds: selected } });
    if (result) navigate(`/commandes/${result.orderForNeeds.id}?nouvelle=1`);
  };

  return (
    <Page title="Personnes en attente">
      <SuccessNotice>{done}</SuccessNotice>
      <RecordNeedForm regionId={regionId} onDone={recorded} />

      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">Liste d’attente</h2>
        <ErrorNotice error={waiting.error ?? order.error} />
        {waiting.loading && !waiting.data && <Loading what="Chargement de la liste d’attente" />}
        {waiting.data && (
          <p>
            {waiting.data.waitingList.totalWaiting} personne{waiting.data.waitingList.totalWaiting > 1 ? 's' : ''} en attente dans la région, dont{' '}
            {entries.length} suivie{entries.length > 1 ? 's' : ''} par vous.
          </p>
        )}
        {waiting.data && entries.length === 0 && <p>Personne n’attend un appareil de votre part.</p>}
        {entries.length > 0 && (
          <>
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption>Vos personnes en attente, dans l’ordre de la file</caption>
                <thead>
                  <tr>
                    <th scope="col">Choisir</th>
                    <th scope="col">Référence</th>
                    <th scope="col">Profil</th>
                    <th scope="col">Appareil</th>
                    <th scope="col">Urgence</th>
                    <th scope="col" className="num">
                      Position
                    </th>
                    <th scope="col">Attente estimée</th>
                    <th scope="col">Depuis le</th>
                    <th scope="col">Annuler</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.needId}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Choisir ${entry.beneficiaryRef}`}
                          checked={!!chosen[entry.needId]}
                          onChange={(e) => setChosen((c) => ({ ...c, [entry.needId]: e.target.checked }))}
                        />
                      </td>
                      <th scope="row">{entry.beneficiaryRef}</th>
                      <td>{label(PROFILE, entry.profile)}</td>
                      <td>{label(CATEGORY, entry.category)}</td>
                      <td>{label(NEED_URGENCY, entry.urgency)}</td>
                      <td className="num">{entry.position}</td>
                      <td>{formatEstimatedWait(entry.estimatedWaitDays)}</td>
                      <td>{formatDate(entry.waitingSince)}</td>
                      <td>
                        <button type="button" className="secondary" onClick={() => setCancelling(entry.needId)}>
                          Annuler le besoin de {entry.beneficiaryRef}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="actions">
              <button type="button" disabled={selected.length === 0 || order.running} onClick={onOrder}>
                Commander pour ces personnes{selected.length > 0 ? ` (${selected.length})` : ''}
              </button>
            </div>
          </>
        )}
        {cancelling && (
          <form className="panel stack" onSubmit={onCancel} aria-labelledby="cancel-need">
            <h3 id="cancel-need">Annuler le besoin de {entries.find((e) => e.needId === cancelling)?.beneficiaryRef}</h3>
            <ErrorNotice error={cancel.error} />
            <SelectField
              label="Motif"
              value={reason}
              options={optionsOf(NEED_CANCELLATION_REASON)}
              onChange={(e) => setReason(e.target.value as NeedCancellationReason)}
            />
            <div className="actions">
              <button type="submit" className="danger" disabled={cancel.running}>
                Confirmer l’annulation
              </button>
              <button type="button" className="secondary" onClick={() => setCancelling(null)}>
                Garder le besoin
              </button>
            </div>
          </form>
        )}
      </section>

      <section aria-labelledby="needs-title">
        <h2 id="needs-title">Tous vos besoins</h2>
        <ErrorNotice error={needs.error} />
        {needs.loading && !needs.data && <Loading what="Chargement des besoins" />}
        {needs.data && all.length === 0 && <p>Aucun besoin enregistré pour l’instant.</p>}
        {all.length > 0 && (
          <div className="table-wrap" tabIndex={0}>
            <table>
              <caption>{needs.data?.needs.totalCount} besoins, les plus récents d’abord</caption>
              <thead>
                <tr>
                  <th scope="col">Référence</th>
                  <th scope="col">État</th>
                  <th scope="col">Appareil</th>
                  <th scope="col">Critère</th>
                  <th scope="col">Enregistré le</th>
                  <th scope="col">Commande</th>
                </tr>
              </thead>
              <tbody>
                {all.map((need) => (
                  <tr key={need.id}>
                    <th scope="row">{need.beneficiaryRef}</th>
                    <td>
                      <StatusBadge value={need.status} />
                      {need.cancellationReason && <> ({label(NEED_CANCELLATION_REASON, need.cancellationReason).toLowerCase()})</>}
                    </td>
                    <td>{label(CATEGORY, need.category)}</td>
                    <td>
                      {label(ELIGIBILITY_BASIS, need.eligibilityBasis)}
                      {need.voucherNumber && <> n° {need.voucherNumber}</>}
                    </td>
                    <td>{formatDate(need.createdAt)}</td>
                    <td>{need.orderId ? <Link to={`/commandes/${need.orderId}`}>Voir la commande</Link> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
