import { KeyboardEvent, useState } from 'react';
import { useMutation } from '../../api/use-api';
import { optionsOf, SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notices';
import { type DeviceCategory, type WebLotQuery, WebReceiveLotDocument } from '../../generated/graphql';
import { CATEGORY, label } from '../../labels';

type Lot = NonNullable<WebLotQuery['lot']>;

interface Scanned {
  serialNumber: string;
  category: DeviceCategory;
  brand: string;
  model: string;
}

/** Serials compare as the API compares them: upper case, without spaces, dashes or dots. */
const keyOf = (serial: string): string => serial.toUpperCase().replace(/[\s.-]/g, '');

/**
 * Intake at the workshop door: one serial per Enter, typed or from a barcode scanner (which types
 * the serial and presses Enter), with the category, brand and model that apply to the next ones.
 */
export function IntakePanel({ lot, onDone }: { lot: Lot; onDone: (message: string) => void }) {
  const [category, setCategory] = useState<DeviceCategory>(lot.items[0]?.category ?? 'LAPTOP');
  const [brand, setBrand] = useState('');
  const [model, setModel] = useState('');
  const [serial, setSerial] = useState('');
  const [scanned, setScanned] = useState<Scanned[]>([]);
  const [announce, setAnnounce] = useState('');
  const receive = useMutation(WebReceiveLotDocument);

  const add = () => {
    const serialNumber = serial.trim();
    if (!serialNumber) return;
    if (scanned.some((s) => keyOf(s.serialNumber) === keyOf(serialNumber))) {
      setAnnounce(`${serialNumber} est déjà dans la liste.`);
    } else {
      setScanned((all) => [...all, { serialNumber, category, brand: brand.trim(), model: model.trim() }]);
      setAnnounce(`Ajouté : ${serialNumber} (${scanned.length + 1} au total).`);
    }
    setSerial('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  const submit = async () => {
    const done = await receive.run({
      input: {
        lotId: lot.id,
        devices: scanned.map((s) => ({ serialNumber: s.serialNumber, category: s.category, brand: s.brand || null, model: s.model || null })),
      },
    });
    if (done) {
      setScanned([]);
      onDone(`Lot réceptionné : ${done.receiveLot.receivedQuantity ?? scanned.length} appareils enregistrés.`);
    }
  };

  const expected = lot.expectedSerials;
  const scannedKeys = new Set(scanned.map((s) => keyOf(s.serialNumber)));
  return (
    <section className="panel" aria-labelledby="intake-title">
      <h2 id="intake-title">Réception</h2>
      <p>Choisissez la catégorie, puis tapez ou scannez chaque numéro de série et validez par Entrée.</p>
      <div className="grid">
        <SelectField label="Catégorie" value={category} options={optionsOf(CATEGORY)} onChange={(e) => setCategory(e.target.value as DeviceCategory)} />
        <TextField label="Marque" maxLength={100} value={brand} onChange={(e) => setBrand(e.target.value)} />
        <TextField label="Modèle" maxLength={100} value={model} onChange={(e) => setModel(e.target.value)} />
      </div>
      <TextField
        label="Numéro de série"
        hint="Un numéro par Entrée."
        maxLength={100}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={serial}
        onChange={(e) => setSerial(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <p role="status" className="hint">
        {announce}
      </p>
      {scanned.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption>À réceptionner ({scanned.length})</caption>
            <thead>
              <tr>
                <th scope="col">Numéro de série</th>
                <th scope="col">Appareil</th>
                <th scope="col">
                  <span className="visually-hidden">Retirer</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {scanned.map((s) => (
                <tr key={s.serialNumber}>
                  <th scope="row">{s.serialNumber}</th>
                  <td>{[label(CATEGORY, s.category), s.brand, s.model].filter(Boolean).join(' ')}</td>
                  <td>
                    <button type="button" className="danger" onClick={() => setScanned((all) => all.filter((x) => x !== s))}>
                      Retirer {s.serialNumber}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {expected.length > 0 && (
        <details>
          <summary>
            Numéros attendus par l’inventaire du donateur ({expected.filter((e) => e.received || scannedKeys.has(keyOf(e.serialNumber))).length} /{' '}
            {expected.length})
          </summary>
          <ul>
            {expected.map((e) => (
              <li key={e.serialNumber}>
                {e.serialNumber} — {e.received ? 'réceptionné' : scannedKeys.has(keyOf(e.serialNumber)) ? 'dans la liste' : 'pas encore vu'}
              </li>
            ))}
          </ul>
        </details>
      )}
      <ErrorNotice error={receive.error} />
      <button type="button" onClick={submit} disabled={receive.running || scanned.length === 0}>
        Réceptionner {scanned.length} appareil{scanned.length > 1 ? 's' : ''}
      </button>
    </section>
  );
}
