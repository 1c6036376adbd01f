import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../../api/use-api';
import { TextField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { WebCreateRegionDocument, WebRegionsDocument } from '../../generated/graphql';
import { Link } from '../../router';

/** The regions of the platform; a new one, then its coordination (an organization and its coordinators) from Organisations. */
export function RegionsPage() {
  const { data, error, loading, reload } = useQuery(WebRegionsDocument, {});
  const create = useMutation(WebCreateRegionDocument);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create.run({ input: { code: code.trim().toUpperCase(), name: name.trim() } });
    if (result) {
      setDone(`Région « ${result.createRegion.name} » créée. Créez maintenant sa coordination et ses coordinateurs dans Organisations.`);
      setCode('');
      setName('');
      reload();
    }
  };
  return (
    <Page title="Régions">
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {data && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>{data.regions.length} régions</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Nom</th>
              </tr>
            </thead>
            <tbody>
              {data.regions.map((region) => (
                <tr key={region.id}>
                  <th scope="row">{region.code}</th>
                  <td>{region.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={submit} className="panel">
        <h2>Nouvelle région</h2>
        <ErrorNotice error={create.error} />
        <div className="grid">
          <TextField label="Code" required maxLength={10} value={code} onChange={(e) => setCode(e.target.value)} hint="Par exemple BFC." />
          <TextField label="Nom de la région" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" disabled={create.running}>
          Créer la région
        </button>
      </form>
      <p>
        La coordination d’une région : dans <Link to="/organisations">Organisations</Link>, choisissez la région, créez une organisation de type « Coordination
        », puis ses comptes.
      </p>
    </Page>
  );
}
