import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from '../../api/use-api';
import { SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notices';
import { type DeviceCategory, WebAssignLotDocument, WebOrganizationsDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';

/**
 * The coordinator's way out when the solver leaves devices waiting: offer them to a workshop chosen
 * by hand. What the choice overrides (capacity, radius, a decline) comes back as warnings, in French.
 */
export function AssignLotForm({
  donationId,
  category,
  quantity,
  onDone,
}: {
  donationId: string;
  category: DeviceCategory;
  quantity: number;
  onDone: (message: string) => void;
}) {
  const workshops = useQuery(WebOrganizationsDocument, { kind: 'REFURBISHER' });
  const [refurbisherId, setRefurbisherId] = useState('');
  const [count, setCount] = useState(String(quantity));
  const assign = useMutation(WebAssignLotDocument);
  const options = (workshops.data?.organizations ?? []).filter((o) => !o.deactivatedAt).map((o) => ({ value: o.id, label: `${o.name} (${o.address.city})` }));
  const chosen = refurbisherId || options[0]?.value || '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await assign.run({ donationId, refurbisherId: chosen, items: [{ category, quantity: Number(count) }] });
    if (done) {
      const { lot, warnings } = done.assignLot;
      onDone([`Lot ${lot.reference} proposé (${lot.quantity} appareils).`, ...warnings.map((w) => w.message)].join(' '));
    }
  };
  return (
    <form onSubmit={submit}>
      <ErrorNotice error={workshops.error ?? assign.error} />
      <div className="grid">
        <SelectField
          label={`Atelier pour ${label(CATEGORY, category).toLowerCase()}`}
          value={chosen}
          options={options}
          onChange={(e) => setRefurbisherId(e.target.value)}
        />
        <TextField label="Nombre d’appareils" type="number" min={1} max={quantity} required value={count} onChange={(e) => setCount(e.target.value)} />
      </div>
      <button type="submit" disabled={assign.running || !chosen}>
        Attribuer à cet atelier
      </button>
    </form>
  );
}
