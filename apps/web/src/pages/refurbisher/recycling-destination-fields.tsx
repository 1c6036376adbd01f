import { optionsOf, SelectField, TextField } from '../../components/field';
import type { RecyclingDestinationInput } from '../../generated/graphql';
import { WASTE_CODE } from '../../labels';

/** What a load of recycled devices needs for the register of outgoing waste, as typed. */
export interface DestinationDraft {
  name: string;
  siret: string;
  address: string;
  treatmentCode: string;
  weightKg: string;
  transportDocument: string;
  carrier: string;
  wasteCode: string;
}

export const EMPTY_DESTINATION: DestinationDraft = {
  name: '',
  siret: '',
  address: '',
  treatmentCode: '',
  weightKg: '',
  transportDocument: '',
  carrier: '',
  wasteCode: '16 02 14',
};

/** Kilograms as typed ("2,4", "9.5"), at most the gram the API keeps; null when it is no weight above 0. */
export function parseKilograms(text: string): number | null {
  const match = /^(\d{1,6})(?:[,.](\d{1,3}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, '').replace(/kg$/i, ''));
  if (!match) return null;
  const grams = Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  return grams > 0 ? grams / 1000 : null;
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/**
 * The destination, weight and papers of a load as the API takes them, or the French sentence of
 * what is missing (checked here so a typo is not sent; the API checks everything again).
 */
export function destinationOf(
  draft: DestinationDraft,
):
  | { ok: true; destination: RecyclingDestinationInput; weightKg: number; transportDocument: string | null; carrier: string | null; wasteCode: string }
  | { ok: false; problem: string } {
  if (!draft.name.trim()) return { ok: false, problem: 'Donnez la raison sociale de l’éco-organisme ou de l’opérateur de traitement.' };
  if (!/^\d{14}$/.test(draft.siret.replace(/[\s.\u00a0\u202f]/g, ''))) return { ok: false, problem: 'Le SIRET de la destination compte 14 chiffres.' };
  const weightKg = parseKilograms(draft.weightKg);
  if (weightKg === null) return { ok: false, problem: `« ${draft.weightKg} » n’est pas un poids : tapez des kilogrammes, par exemple 2,4.` };
  return {
    ok: true,
    destination: {
      name: draft.name.trim(),
      siret: draft.siret.trim(),
      address: orNull(draft.address),
      treatmentCode: orNull(draft.treatmentCode)?.toUpperCase() ?? null,
    },
    weightKg,
    transportDocument: orNull(draft.transportDocument),
    carrier: orNull(draft.carrier),
    wasteCode: draft.wasteCode,
  };
}

/** The fields of a load's destination, shared by the recycling of one device and the register's pending devices. */
export function RecyclingDestinationFields({
  draft,
  onChange,
  weightLabel,
}: {
  draft: DestinationDraft;
  onChange: (draft: DestinationDraft) => void;
  weightLabel: string;
}) {
  const set = (patch: Partial<DestinationDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="grid">
      <TextField
        label="Destination (raison sociale)"
        required
        maxLength={200}
        value={draft.name}
        onChange={(e) => set({ name: e.target.value })}
        hint="L’éco-organisme ou l’opérateur de traitement, par exemple Ecosystem."
      />
      <TextField
        label="SIRET de la destination"
        required
        maxLength={20}
        inputMode="numeric"
        value={draft.siret}
        onChange={(e) => set({ siret: e.target.value })}
      />
      <TextField label="Adresse du site de traitement" maxLength={300} value={draft.address} onChange={(e) => set({ address: e.target.value })} />
      <TextField
        label="Code de traitement (R ou D)"
        maxLength={3}
        value={draft.treatmentCode}
        onChange={(e) => set({ treatmentCode: e.target.value })}
        hint="R4, R12, R13, D10… quand il est connu."
      />
      <TextField label={weightLabel} required inputMode="decimal" maxLength={12} value={draft.weightKg} onChange={(e) => set({ weightKg: e.target.value })} />
      <SelectField label="Code déchet" value={draft.wasteCode} options={optionsOf(WASTE_CODE)} onChange={(e) => set({ wasteCode: e.target.value })} />
      <TextField
        label="Numéro du bordereau (Trackdéchets)"
        maxLength={100}
        value={draft.transportDocument}
        onChange={(e) => set({ transportDocument: e.target.value })}
      />
      <TextField label="Transporteur" maxLength={200} value={draft.carrier} onChange={(e) => set({ carrier: e.target.value })} />
    </div>
  );
}
