import { FormEvent, useState } from 'react';
import { useMutation } from '../../api/use-api';
import { CheckboxField, optionsOf, SelectField, TextArea, TextField } from '../../components/field';
import { ErrorNotice } from '../../components/notices';
import {
  type ErasureMethod,
  type Grade,
  WebGradeDeviceDocument,
  WebRecordErasureDocument,
  WebRecycleDeviceDocument,
  WebReplaceStorageDocument,
} from '../../generated/graphql';
import { ERASURE_METHOD } from '../../labels';
import { DestinationDraft, destinationOf, EMPTY_DESTINATION, RecyclingDestinationFields } from './recycling-destination-fields';

interface DeviceRef {
  id: string;
  serialNumber: string;
}

/** The erasure record: the promise made to donors, so every field is asked for. */
export function ErasureForm({ device, onDone }: { device: DeviceRef; onDone: (message: string) => void }) {
  const [method, setMethod] = useState<ErasureMethod>('NIST_800_88_PURGE');
  const [operator, setOperator] = useState('');
  const [verified, setVerified] = useState(false);
  const erase = useMutation(WebRecordErasureDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await erase.run({ input: { deviceId: device.id, method, operator: operator.trim(), verified } });
    if (done)
      onDone(
        done.recordErasure.erasure
          ? `Effacement de ${device.serialNumber} enregistré : certificat ${done.recordErasure.erasure.certificateNumber}.`
          : `Effacement de ${device.serialNumber} enregistré sans certificat (non vérifié) : l’appareil reste hors stock.`,
      );
  };
  return (
    <form onSubmit={submit}>
      <h3>Effacement des données</h3>
      <ErrorNotice error={erase.error} />
      <SelectField label="Méthode" value={method} options={optionsOf(ERASURE_METHOD)} onChange={(e) => setMethod(e.target.value as ErasureMethod)} />
      <TextField label="Opérateur" required maxLength={100} autoComplete="name" value={operator} onChange={(e) => setOperator(e.target.value)} />
      <CheckboxField label="Effacement vérifié (rapport de l’outil contrôlé)" checked={verified} onChange={(e) => setVerified(e.target.checked)} />
      <button type="submit" disabled={erase.running}>
        Enregistrer l’effacement
      </button>
    </form>
  );
}

/** Grading with the technician's checklist; a computer needs its operating system to enter the stock. */
export function GradingForm({ device, onDone }: { device: DeviceRef; onDone: (message: string) => void }) {
  const [grade, setGrade] = useState<Grade>('A');
  const [os, setOs] = useState('Xubuntu 24.04');
  const [location, setLocation] = useState('');
  const [screen, setScreen] = useState(true);
  const [keyboard, setKeyboard] = useState(true);
  const [webcam, setWebcam] = useState(true);
  const [microphone, setMicrophone] = useState(true);
  const [wifi, setWifi] = useState(true);
  const [battery, setBattery] = useState('');
  const [ports, setPorts] = useState('');
  const gradeDevice = useMutation(WebGradeDeviceDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await gradeDevice.run({
      input: {
        deviceId: device.id,
        grade,
        os: os.trim() || null,
        location: location.trim() || null,
        checklist: { screen, keyboard, webcam, microphone, wifi, batteryHealthPercent: battery ? Number(battery) : null, ports: ports.trim() || null },
      },
    });
    if (done)
      onDone(`${device.serialNumber} classé ${done.gradeDevice.grade} : ${done.gradeDevice.status === 'IN_STOCK' ? 'en stock' : done.gradeDevice.status}.`);
  };
  return (
    <form onSubmit={submit}>
      <h3>Contrôle et classement</h3>
      <ErrorNotice error={gradeDevice.error} />
      <div className="grid">
        <SelectField
          label="Grade"
          value={grade}
          options={[
            { value: 'A', label: 'A — comme neuf' },
            { value: 'B', label: 'B — traces d’usage' },
            { value: 'C', label: 'C — usé mais fonctionnel' },
          ]}
          onChange={(e) => setGrade(e.target.value as Grade)}
        />
        <TextField label="Système installé" maxLength={100} value={os} onChange={(e) => setOs(e.target.value)} />
        <TextField label="Emplacement (étagère)" maxLength={50} value={location} onChange={(e) => setLocation(e.target.value)} />
        <TextField
          label="Santé de la batterie (%)"
          type="number"
          min={0}
          max={100}
          inputMode="numeric"
          value={battery}
          onChange={(e) => setBattery(e.target.value)}
        />
      </div>
      <fieldset>
        <legend>Liste de contrôle</legend>
        <CheckboxField label="Écran en bon état" checked={screen} onChange={(e) => setScreen(e.target.checked)} />
        <CheckboxField label="Clavier fonctionnel" checked={keyboard} onChange={(e) => setKeyboard(e.target.checked)} />
        <CheckboxField label="Webcam fonctionnelle" checked={webcam} onChange={(e) => setWebcam(e.target.checked)} />
        <CheckboxField label="Micro fonctionnel" checked={microphone} onChange={(e) => setMicrophone(e.target.checked)} />
        <CheckboxField label="Wi-Fi fonctionnel" checked={wifi} onChange={(e) => setWifi(e.target.checked)} />
        <TextField
          label="Ports et leur état"
          maxLength={200}
          value={ports}
          onChange={(e) => setPorts(e.target.value)}
          hint="Par exemple : 2 USB-A ok, HDMI HS."
        />
      </fieldset>
      <button type="submit" disabled={gradeDevice.running}>
        Classer l’appareil
      </button>
    </form>
  );
}

export function RecycleForm({ device, onDone }: { device: DeviceRef; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  // most devices wait for the eco-organisation's next collection: the register then lists them as pending
  const [known, setKnown] = useState(false);
  const [destination, setDestination] = useState<DestinationDraft>(EMPTY_DESTINATION);
  const [problem, setProblem] = useState<string | null>(null);
  const recycle = useMutation(WebRecycleDeviceDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const load = known ? destinationOf(destination) : null;
    if (load && !load.ok) {
      setProblem(load.problem);
      return;
    }
    setProblem(null);
    const input = load?.ok
      ? {
          deviceId: device.id,
          reason: reason.trim(),
          destination: load.destination,
          weightKg: load.weightKg,
          transportDocument: load.transportDocument,
          carrier: load.carrier,
          wasteCode: load.wasteCode,
        }
      : { deviceId: device.id, reason: reason.trim() };
    if (await recycle.run({ input }))
      onDone(
        load?.ok
          ? `${device.serialNumber} part au recyclage chez ${load.destination.name}.`
          : `${device.serialNumber} part au recyclage : sa destination reste à renseigner dans le registre des déchets.`,
      );
  };
  return (
    <form onSubmit={submit}>
      <h3>Recycler</h3>
      <ErrorNotice error={recycle.error} />
      {problem && (
        <div className="notice notice-error" role="alert">
          <p>{problem}</p>
        </div>
      )}
      <TextArea label="Raison du recyclage" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      <CheckboxField
        label="Destination déjà connue (remis à l’éco-organisme ou au centre de traitement)"
        checked={known}
        onChange={(e) => setKnown(e.target.checked)}
      />
      {known && <RecyclingDestinationFields draft={destination} onChange={setDestination} weightLabel="Poids de l’appareil (kg)" />}
      <button type="submit" className="danger" disabled={recycle.running}>
        Recycler l’appareil
      </button>
    </form>
  );
}

/** A new disk in place of one the erasure destroyed or that was removed: the device may then be graded. */
export function ReplaceStorageForm({ device, onDone }: { device: DeviceRef; onDone: (message: string) => void }) {
  const [storageGb, setStorageGb] = useState('256');
  const [ssd, setSsd] = useState(true);
  const replace = useMutation(WebReplaceStorageDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await replace.run({ input: { deviceId: device.id, storageGb: Number(storageGb), ssd } }))
      onDone(`Nouveau disque de ${device.serialNumber} enregistré : il peut être classé.`);
  };
  return (
    <form onSubmit={submit}>
      <h3>Nouveau disque</h3>
      <p>Son disque a été détruit ou retiré : enregistrez le disque monté à sa place avant de le classer.</p>
      <ErrorNotice error={replace.error} />
      <div className="grid">
        <TextField label="Capacité (Go)" type="number" min={1} max={100000} required value={storageGb} onChange={(e) => setStorageGb(e.target.value)} />
      </div>
      <CheckboxField label="Disque SSD" checked={ssd} onChange={(e) => setSsd(e.target.checked)} />
      <button type="submit" disabled={replace.running}>
        Enregistrer le nouveau disque
      </button>
    </form>
  );
}
