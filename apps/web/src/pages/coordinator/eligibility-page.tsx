import { FormEvent, useEffect, useState } from 'react';
import type { Session } from '../../api/session';
import { useMutation, useQuery } from '../../api/use-api';
import { CheckboxField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { type EligibilityBasis, WebPeopleAcceptedBasesDocument, WebPeopleSetAcceptedBasesDocument } from '../../generated/graphql';
import { ELIGIBILITY_BASIS } from '../../labels';

const BASES = Object.keys(ELIGIBILITY_BASIS) as EligibilityBasis[];

/** The criteria the region's partners may record a need under; needs already recorded keep theirs. */
export function EligibilityPage({ session }: { session: Session }) {
  const regionId = session.user.organization?.region.id ?? '';
  const { data, error, loading, reload } = useQuery(WebPeopleAcceptedBasesDocument, { regionId }, !regionId);
  const save = useMutation(WebPeopleSetAcceptedBasesDocument);
  const [ticked, setTicked] = useState<Set<EligibilityBasis>>(new Set());
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (data) setTicked(new Set(data.acceptedEligibilityBases));
  }, [data]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const bases = BASES.filter((b) => ticked.has(b));
    if (await save.run({ regionId, bases })) {
      setDone(`${bases.length} critère${bases.length > 1 ? 's' : ''} accepté${bases.length > 1 ? 's' : ''} pour les prochains besoins.`);
      reload();
    }
  };

  return (
    <Page title="Critères d’éligibilité">
      <p className="lead">
        Les critères sous lesquels les partenaires de la région inscrivent une personne sur la liste d’attente (déclarés, jamais un justificatif). Les besoins
        déjà enregistrés gardent le leur.
      </p>
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error ?? save.error} />
      {loading && !data && <Loading what="Chargement des critères" />}
      {data && (
        <form className="panel stack" onSubmit={onSubmit}>
          <fieldset>
            <legend>Critères acceptés dans la région</legend>
            {BASES.map((basis) => (
              <CheckboxField
                key={basis}
                label={ELIGIBILITY_BASIS[basis]}
                checked={ticked.has(basis)}
                onChange={(e) =>
                  setTicked((all) => {
                    const next = new Set(all);
                    if (e.target.checked) next.add(basis);
                    else next.delete(basis);
                    return next;
                  })
                }
              />
            ))}
          </fieldset>
          {ticked.size === 0 && <p className="hint">Cochez au moins un critère.</p>}
          <div className="actions">
            <button type="submit" disabled={save.running || ticked.size === 0}>
              Enregistrer les critères
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}
