import { FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-api';
import { CheckboxField, optionsOf, SelectField, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notices';
import { Page } from '../../components/page';
import { localInputToIso, isoToLocalInput } from '../../format';
import { type DeviceCategory, WebDeclareDonationDocument } from '../../generated/graphql';
import { CATEGORY } from '../../labels';
import { navigate } from '../../router';

interface LineDraft {
  key: number;
  category: DeviceCategory;
  quantity: string;
  brand: string;
  model: string;
  year: string;
  dataBearing: boolean;
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;
let nextKey = 1;
const newLine = (): LineDraft => ({ key: nextKey++, category: 'LAPTOP', quantity: '1', brand: '', model: '', year: '', dataBearing: true });

/** The file as base64, for `inventoryFile.contentBase64`. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** A donation: lines typed here, or the inventory the IT department exports (CSV or .xlsx), or both. */
export function DeclareDonationPage() {
  const [street, setStreet] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [city, setCity] = useState('');
  const [availableFrom, setAvailableFrom] = useState(isoToLocalInput(new Date().toISOString()));
  const [lines, setLines] = useState<LineDraft[]>([newLine()]);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const declare = useMutation(WebDeclareDonationDocument);

  const update = (key: number, change: Partial<LineDraft>) => setLines((all) => all.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFileProblem(null);
    if (file && file.size > MAX_FILE_BYTES) {
      setFileProblem('Le fichier dépasse 2 Mo : enregistrez-le sans mise en forme, ou en CSV, puis réessayez.');
      return;
    }
    const inventoryFile = file ? { fileName: file.name, contentBase64: await readAsBase64(file) } : null;
    const result = await declare.run({
      input: {
        pickupAddress: { street: orNull(street), postalCode: postalCode.trim(), city: city.trim() },
        availableFrom: localInputToIso(availableFrom),
        lines: lines.map((line) => ({
          category: line.category,
          quantity: Number(line.quantity),
          brand: orNull(line.brand),
          model: orNull(line.model),
          year: line.year ? Number(line.year) : null,
          dataBearing: line.dataBearing,
        })),
        inventoryFile,
      },
    });
    if (result) navigate(`/dons/${result.declareDonation.id}?declare=1`);
  };

  return (
    <Page title="Déclarer un don">
      <p>Indiquez où enlever le matériel et à partir de quand, puis ce que vous donnez : ligne par ligne, ou avec le tableur de votre service informatique.</p>
      <ErrorNotice error={declare.error} />
      <form onSubmit={submit} noValidate={false}>
        <fieldset>
          <legend>Lieu d’enlèvement</legend>
          <div className="grid">
            <TextField label="Adresse" name="street" autoComplete="street-address" maxLength={200} value={street} onChange={(e) => setStreet(e.target.value)} />
            <TextField
              label="Code postal"
              name="postalCode"
              autoComplete="postal-code"
              inputMode="numeric"
              required
              maxLength={5}
              pattern="[0-9]{5}"
              value={postalCode}
              onChange={(e) => setPostalCode(e.target.value)}
            />
            <TextField
              label="Commune"
              name="city"
              autoComplete="address-level2"
              required
              maxLength={100}
              value={city}
              onChange={(e) => setCity(e.target.value)}
            />
            <TextField
              label="Disponible à partir du"
              type="datetime-local"
              name="availableFrom"
              required
              value={availableFrom}
              onChange={(e) => setAvailableFrom(e.target.value)}
            />
          </div>
        </fieldset>

        <fieldset>
          <legend>Matériel donné</legend>
          {lines.map((line, index) => (
            <fieldset key={line.key} className="line">
              <legend>Ligne {index + 1}</legend>
              <div className="grid">
                <SelectField
                  label="Catégorie"
                  value={line.category}
                  options={optionsOf(CATEGORY)}
                  onChange={(e) => update(line.key, { category: e.target.value as DeviceCategory })}
                />
                <TextField
                  label="Quantité"
                  type="number"
                  min={1}
                  max={100000}
                  required
                  inputMode="numeric"
                  value={line.quantity}
                  onChange={(e) => update(line.key, { quantity: e.target.value })}
                />
                <TextField label="Marque" maxLength={100} value={line.brand} onChange={(e) => update(line.key, { brand: e.target.value })} />
                <TextField label="Modèle" maxLength={100} value={line.model} onChange={(e) => update(line.key, { model: e.target.value })} />
                <TextField
                  label="Année"
                  type="number"
                  min={1990}
                  max={2100}
                  inputMode="numeric"
                  value={line.year}
                  onChange={(e) => update(line.key, { year: e.target.value })}
                />
              </div>
              <CheckboxField
                label="Contient des données (disque ou mémoire à effacer)"
                checked={line.dataBearing}
                onChange={(e) => update(line.key, { dataBearing: e.target.checked })}
              />
              <button type="button" className="danger" onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
                Retirer la ligne {index + 1}
              </button>
            </fieldset>
          ))}
          <button type="button" className="secondary" onClick={() => setLines((all) => [...all, newLine()])}>
            Ajouter une ligne
          </button>
        </fieldset>

        <fieldset>
          <legend>Ou votre inventaire en tableur</legend>
          <div className="field">
            <label htmlFor="inventory-file">Fichier d’inventaire (.xlsx ou .csv, 2 Mo au plus)</label>
            <input
              id="inventory-file"
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="inventory-file-hint"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
            <p className="hint" id="inventory-file-hint">
              En-têtes en français ou en anglais (Catégorie, Qté, Marque, Modèle, Année…). Ses lignes s’ajoutent à celles saisies ci-dessus ; retirez celles-ci
              si le fichier dit tout. Chaque ligne en erreur est signalée, et rien n’est enregistré tant qu’il en reste.
            </p>
          </div>
          {fileProblem && (
            <div className="notice notice-error" role="alert">
              {fileProblem}
            </div>
          )}
        </fieldset>
        <button type="submit" disabled={declare.running}>
          {declare.running ? 'Envoi…' : 'Déclarer le don'}
        </button>
      </form>
    </Page>
  );
}
