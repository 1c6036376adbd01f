import { FormEvent, useEffect, useState } from 'react';
import { useMutation, useQuery } from '../../api/use-api';
import { CheckboxField, optionsOf, SelectField, TextField } from '../../components/field';
import { ErrorNotice, Loading, SuccessNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { centsToEurosInput, formatEuros, parseEuros } from '../../format';
import {
  type DeviceCategory,
  type Grade,
  type WebPriceListQuery,
  WebPriceListDocument,
  WebSetPricesDocument,
  WebSetVatMentionDocument,
} from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';

type PriceList = WebPriceListQuery['priceList'];

/** A row as it is being typed: the price stays the text typed until it is sent. */
interface DraftRow {
  key: number;
  category: DeviceCategory;
  grade: Grade;
  euros: string;
  privateDonorsOnly: boolean;
}

const GRADES = [
  { value: 'A', label: 'A — comme neuf' },
  { value: 'B', label: 'B — traces d’usage' },
  { value: 'C', label: 'C — usé mais fonctionnel' },
];

let nextKey = 0;
const draftOf = (list: PriceList): DraftRow[] =>
  list.rows.map((row) => ({
    key: (nextKey += 1),
    category: row.category,
    grade: row.grade,
    euros: centsToEurosInput(row.priceCents),
    privateDonorsOnly: row.privateDonorsOnly,
  }));

function LegalCaps({ list }: { list: PriceList }) {
  return (
    <section className="panel" aria-labelledby="caps-title">
      <h2 id="caps-title">Plafonds légaux</h2>
      <p>
        Le matériel donné par l’État, les collectivités et leurs établissements publics ne peut être revendu au-delà de ces prix solidaires
        {list.legalCapSource && <> ({list.legalCapSource})</>}. Une ligne « donateurs privés seulement » n’est pas plafonnée : elle ne s’applique pas aux
        appareils des organismes publics.
        {list.legalCapUrl && (
          <>
            {' '}
            <a href={list.legalCapUrl} rel="noreferrer" target="_blank">
              Lire le texte
            </a>
          </>
        )}
      </p>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <caption>Plafonds en vigueur pour les appareils de donateurs publics</caption>
          <thead>
            <tr>
              <th scope="col">Catégorie</th>
              <th scope="col">Équipement visé par le texte</th>
              <th scope="col" className="num">
                Plafond TTC
              </th>
            </tr>
          </thead>
          <tbody>
            {list.legalCaps.map((cap) => (
              <tr key={cap.category}>
                <th scope="row">{label(CATEGORY, cap.category)}</th>
                <td>{cap.label}</td>
                <td className="num">{formatEuros(cap.capCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function VatMentionForm({ list, onDone }: { list: PriceList; onDone: (message: string) => void }) {
  const [mention, setMention] = useState(list.vatMention);
  const save = useMutation(WebSetVatMentionDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save.run({ input: { vatMention: mention.trim() } });
    if (done) onDone(`Mention de TVA enregistrée : « ${done.setVatMention.vatMention} ».`);
  };
  return (
    <form onSubmit={submit} className="panel">
      <h2>Mention de TVA</h2>
      <ErrorNotice error={save.error} />
      <TextField
        label="Mention imprimée sur vos factures"
        required
        maxLength={300}
        value={mention}
        onChange={(e) => setMention(e.target.value)}
        hint="Recopiée sur chaque facture émise à partir de maintenant ; les factures déjà émises gardent la leur."
      />
      <button type="submit" disabled={save.running}>
        Enregistrer la mention
      </button>
    </form>
  );
}

/**
 * The workshop's price list, category × grade, typed in euros the French way and sent in cents;
 * the legal caps on public donors' equipment shown beside it, and the API's refusal in French when
 * a price goes above one.
 */
export function PricesPage() {
  const { data, error, loading, reload } = useQuery(WebPriceListDocument, {});
  const save = useMutation(WebSetPricesDocument);
  const [rows, setRows] = useState<DraftRow[]>([]);
  const [typo, setTypo] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = data?.priceList;
  useEffect(() => {
    if (list) setRows(draftOf(list));
  }, [list]);

  const capOf = (category: string): number | null => list?.legalCaps.find((cap) => cap.category === category)?.capCents ?? null;
  const change = (key: number, patch: Partial<DraftRow>) => setRows((all) => all.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => setRows((all) => [...all, { key: (nextKey += 1), category: 'LAPTOP', grade: 'A', euros: '', privateDonorsOnly: false }]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const bad = rows.findIndex((row) => parseEuros(row.euros) === null);
    if (bad >= 0) {
      setTypo(`Ligne ${bad + 1} : « ${rows[bad].euros} » n’est pas un prix. Tapez un montant en euros, par exemple 180 ou 180,50 (0 pour donner).`);
      return;
    }
    setTypo(null);
    const prices = rows.map((row) => ({
      category: row.category,
      grade: row.grade,
      priceCents: parseEuros(row.euros)!,
      privateDonorsOnly: row.privateDonorsOnly,
    }));
    const saved = await save.run({ input: { prices } });
    if (saved) {
      setDone(`Tarifs enregistrés : ${saved.setPrices.rows.length} ligne${saved.setPrices.rows.length > 1 ? 's' : ''}.`);
      reload();
    }
  };

  return (
    <Page title="Tarifs">
      <SuccessNotice>{done}</SuccessNotice>
      <ErrorNotice error={error} />
      {loading && !data && <Loading />}
      {list && (
        <>
          <form onSubmit={submit} className="panel" aria-labelledby="prices-title" noValidate>
            <h2 id="prices-title">Prix par catégorie et grade</h2>
            <p>
              Prix TTC demandés aux partenaires pour chaque appareil expédié. La liste enregistrée remplace la précédente ; un appareil sans ligne qui lui
              corresponde est donné.
            </p>
            <ErrorNotice error={save.error} />
            {typo && (
              <div className="notice notice-error" role="alert">
                <p>{typo}</p>
              </div>
            )}
            {rows.length === 0 && <p>Aucun prix : tous vos appareils sont donnés. Ajoutez une ligne pour en fixer un.</p>}
            {rows.map((row, index) => {
              const cap = row.privateDonorsOnly ? null : capOf(row.category);
              return (
                <fieldset key={row.key}>
                  <legend>Ligne {index + 1}</legend>
                  <div className="grid">
                    <SelectField
                      label="Catégorie"
                      value={row.category}
                      options={optionsOf(CATEGORY)}
                      onChange={(e) => change(row.key, { category: e.target.value as DeviceCategory })}
                    />
                    <SelectField label="Grade" value={row.grade} options={GRADES} onChange={(e) => change(row.key, { grade: e.target.value as Grade })} />
                    <TextField
                      label="Prix TTC (€)"
                      inputMode="decimal"
                      autoComplete="off"
                      maxLength={14}
                      required
                      value={row.euros}
                      onChange={(e) => change(row.key, { euros: e.target.value })}
                      hint={
                        cap != null
                          ? `Plafond légal pour les appareils de donateurs publics : ${formatEuros(cap)}.`
                          : row.privateDonorsOnly
                            ? 'Sans plafond : ce prix ne s’applique qu’aux appareils de donateurs privés.'
                            : 'Aucun plafond légal pour cette catégorie.'
                      }
                    />
                  </div>
                  <CheckboxField
                    label="Donateurs privés seulement"
                    checked={row.privateDonorsOnly}
                    onChange={(e) => change(row.key, { privateDonorsOnly: e.target.checked })}
                  />
                  <button type="button" className="secondary" onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                    Retirer la ligne {index + 1}
                  </button>
                </fieldset>
              );
            })}
            <div className="actions">
              <button type="button" className="secondary" onClick={add}>
                Ajouter une ligne
              </button>
              <button type="submit" disabled={save.running}>
                Enregistrer les tarifs
              </button>
            </div>
          </form>
          <LegalCaps list={list} />
          <VatMentionForm key={list.vatMention} list={list} onDone={setDone} />
        </>
      )}
    </Page>
  );
}
