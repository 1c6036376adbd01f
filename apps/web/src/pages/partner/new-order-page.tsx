import { FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-api';
import { CheckboxField, optionsOf, SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { type BeneficiaryProfile, type DeviceCategory, WebSubmitOrderDocument } from '../../generated/graphql';
import { CATEGORY, PROFILE } from '../../labels';
import { navigate } from '../../router';

interface LineDraft {
  key: number;
  category: DeviceCategory;
  profile: BeneficiaryProfile;
  quantity: string;
  neededBy: string;
  needsWebcam: boolean;
  urgent: boolean;
}

let nextKey = 1;
const newLine = (): LineDraft => ({ key: nextKey++, category: 'LAPTOP', profile: 'SENIOR', quantity: '1', neededBy: '', needsWebcam: false, urgent: false });

/**
 * An order for the people the partner supports, by beneficiary profile: each profile brings its
 * sensible minimums (a design student gets 16 GB and an SSD, a senior a webcam), so a social
 * worker never has to speak RAM.
 */
export function NewOrderPage() {
  const [lines, setLines] = useState<LineDraft[]>([newLine()]);
  const submit = useMutation(WebSubmitOrderDocument);
  const update = (key: number, change: Partial<LineDraft>) => setLines((all) => all.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await submit.run({
      input: {
        lines: lines.map((line) => ({
          category: line.category,
          profile: line.profile,
          quantity: Number(line.quantity),
          priority: line.urgent ? 1 : 0,
          neededBy: line.neededBy ? new Date(`${line.neededBy}T00:00:00`).toISOString() : null,
          needsWebcam: line.needsWebcam || null,
        })),
      },
    });
    if (done) navigate(`/commandes/${done.submitOrder.id}?nouvelle=1`);
  };

  return (
    <Page title="Commander des appareils">
      <p>Une ligne par besoin : le profil des personnes, le type d’appareil et le nombre. Aucun nom : vous donnerez vos références à la livraison.</p>
      <ErrorNotice error={submit.error} />
      <form onSubmit={onSubmit}>
        {lines.map((line, index) => (
          <fieldset key={line.key}>
            <legend>Besoin {index + 1}</legend>
            <div className="grid">
              <SelectField
                label="Profil des bénéficiaires"
                value={line.profile}
                options={optionsOf(PROFILE)}
                onChange={(e) => update(line.key, { profile: e.target.value as BeneficiaryProfile })}
              />
              <SelectField
                label="Type d’appareil"
                value={line.category}
                options={optionsOf(CATEGORY)}
                onChange={(e) => update(line.key, { category: e.target.value as DeviceCategory })}
              />
              <TextField
                label="Nombre"
                type="number"
                min={1}
                max={1000}
                required
                inputMode="numeric"
                value={line.quantity}
                onChange={(e) => update(line.key, { quantity: e.target.value })}
              />
              <TextField label="Nécessaire avant le" type="date" value={line.neededBy} onChange={(e) => update(line.key, { neededBy: e.target.value })} />
            </div>
            <CheckboxField label="Webcam indispensable" checked={line.needsWebcam} onChange={(e) => update(line.key, { needsWebcam: e.target.checked })} />
            <CheckboxField label="Prioritaire" checked={line.urgent} onChange={(e) => update(line.key, { urgent: e.target.checked })} />
            {lines.length > 1 && (
              <button type="button" className="danger" onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
                Retirer le besoin {index + 1}
              </button>
            )}
          </fieldset>
        ))}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setLines((all) => [...all, newLine()])}>
            Ajouter un besoin
          </button>
          <button type="submit" disabled={submit.running}>
            Envoyer la commande
          </button>
        </div>
      </form>
    </Page>
  );
}
