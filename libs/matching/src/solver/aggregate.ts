import type { LatLon } from '@app/common';
import { batteryBand } from './cost';
import { deviceSpecOf, lineRequirementsOf, specMeetsRequirements, type DeviceSpec, type LineRequirements } from './fit';
import type { MatchDevice, MatchLine } from './types';

/**
 * Devices are interchangeable when they have the same spec and location: same fit, same cost
 * to every line. Lines are interchangeable for the cost phase when they have the same
 * requirements and location. Aggregating both turns 20,000 devices × 2,000 lines into a few
 * hundred spec classes × requirement groups (for "how many units") and a few thousand device
 * classes × line classes (for "which ones, at what cost"), without losing exactness: any
 * integral flow between classes splits back into a device-to-line assignment of the same cost.
 */
export interface MatchingAggregation {
  /** distinct device specs (category, RAM, storage, SSD, grade, battery, webcam, microphone, OS) */
  specs: DeviceSpec[];
  /** devices of each spec, all locations together */
  specSupply: Int32Array;
  /** distinct line requirements (category, minimums, needs, quality preference) */
  groups: LineRequirements[];
  /** fit arcs spec → group, the only pairs that can ever be matched */
  fitSpec: Int32Array;
  fitGroup: Int32Array;
  /** fit arc indices per group and per spec */
  groupFits: number[][];
  specFits: number[][];
  /** distinct refurbisher locations (of devices) and partner locations (of lines) */
  deviceLocations: LatLon[];
  lineLocations: LatLon[];
  deviceClasses: DeviceClass[];
  /** device classes of each spec */
  specClasses: number[][];
  lineClasses: LineClass[];
  /** per line (input index): its requirement group and line class */
  lineGroup: Int32Array;
  lineClass: Int32Array;
}

export interface DeviceClass {
  spec: number;
  /** index into deviceLocations */
  location: number;
  /** input indices of the devices, in input order */
  devices: number[];
}

export interface LineClass {
  group: number;
  /** index into lineLocations */
  location: number;
  /** input indices of the lines, in input order */
  lines: number[];
}

const SEP = '\u0000';

/**
 * What a device's key must tell apart, per category: only what some line of that category looks
 * at. A capability no line of the category needs (webcams on monitors) does not split devices;
 * battery health enters only where a line prefers quality or states a battery minimum, and then
 * as what it decides, not as its value: its band (the cost, see batteryBand) and how many of the
 * category's battery minimums it meets (the fit). Devices at 81 % and 94 % are then one class,
 * which keeps the class count near what it was without capabilities; fit and cost to every line
 * stay exactly those of each device.
 */
interface CategoryRelevance {
  webcam: boolean;
  microphone: boolean;
  os: boolean;
  battery: boolean;
  thresholds: number[];
}

function relevanceByCategory(lines: readonly MatchLine[]): Map<string, CategoryRelevance> {
  const byCategory = new Map<string, CategoryRelevance>();
  for (const l of lines) {
    let r = byCategory.get(l.category);
    if (!r) {
      r = { webcam: false, microphone: false, os: false, battery: false, thresholds: [] };
      byCategory.set(l.category, r);
    }
    r.webcam ||= l.needsWebcam === true;
    r.microphone ||= l.needsMicrophone === true;
    r.os ||= l.needsOs === true;
    r.battery ||= l.prefersQuality === true || l.minBatteryHealthPercent != null;
    if (l.minBatteryHealthPercent != null && !r.thresholds.includes(l.minBatteryHealthPercent)) r.thresholds.push(l.minBatteryHealthPercent);
  }
  for (const r of byCategory.values()) r.thresholds.sort((a, b) => a - b);
  return byCategory;
}

const NOTHING_RELEVANT: CategoryRelevance = { webcam: false, microphone: false, os: false, battery: false, thresholds: [] };

function batteryKey(percent: number | null, r: CategoryRelevance): string {
  if (!r.battery) return '';
  if (percent === null) return 'unknown';
  let met = 0;
  while (met < r.thresholds.length && r.thresholds[met] <= percent) met++;
  return `${batteryBand(percent)}:${met}`;
}

const specKey = (d: DeviceSpec, r: CategoryRelevance): string =>
  [
    d.category,
    d.ramGb,
    d.storageGb,
    d.ssd,
    d.grade,
    batteryKey(d.batteryHealthPercent, r),
    r.webcam ? d.webcam : '',
    r.microphone ? d.microphone : '',
    r.os ? d.osInstalled : '',
  ].join(SEP);
const groupKey = (l: LineRequirements): string =>
  [
    l.category,
    l.minRamGb,
    l.minStorageGb,
    l.requireSsd,
    l.minGrade,
    l.needsWebcam,
    l.needsMicrophone,
    l.needsOs,
    l.minBatteryHealthPercent,
    l.prefersQuality,
  ].join(SEP);
const locationKey = (p: LatLon): string => `${p.lat},${p.lon}`;

/** Returns the index of key in the interning map, creating it with make() if new. */
function intern<T>(index: Map<string, number>, items: T[], key: string, make: () => T): number {
  let i = index.get(key);
  if (i === undefined) {
    i = items.length;
    index.set(key, i);
    items.push(make());
  }
  return i;
}

export function aggregate(devices: readonly MatchDevice[], lines: readonly MatchLine[]): MatchingAggregation {
  const locationInterner = (locations: LatLon[]) => {
    const index = new Map<string, number>();
    return (p: LatLon): number => intern(index, locations, locationKey(p), () => ({ lat: p.lat, lon: p.lon }));
  };
  const deviceLocations: LatLon[] = [];
  const deviceLocationOf = locationInterner(deviceLocations);
  const lineLocations: LatLon[] = [];
  const lineLocationOf = locationInterner(lineLocations);

  const relevance = relevanceByCategory(lines);
  const specIndex = new Map<string, number>();
  const specs: DeviceSpec[] = [];
  const classIndex = new Map<string, number>();
  const deviceClasses: DeviceClass[] = [];
  devices.forEach((d, i) => {
    const deviceSpec = deviceSpecOf(d);
    const spec = intern(specIndex, specs, specKey(deviceSpec, relevance.get(d.category) ?? NOTHING_RELEVANT), () => deviceSpec);
    const location = deviceLocationOf(d);
    const c = intern(classIndex, deviceClasses, `${spec}${SEP}${location}`, () => ({ spec, location, devices: [] }));
    deviceClasses[c].devices.push(i);
  });

  const groupIndex = new Map<string, number>();
  const groups: LineRequirements[] = [];
  const lineClassIndex = new Map<string, number>();
  const lineClasses: LineClass[] = [];
  const lineGroup = new Int32Array(lines.length);
  const lineClass = new Int32Array(lines.length);
  lines.forEach((l, i) => {
    const requirements = lineRequirementsOf(l);
    const group = intern(groupIndex, groups, groupKey(requirements), () => requirements);
    const location = lineLocationOf(l);
    const c = intern(lineClassIndex, lineClasses, `${group}${SEP}${location}`, () => ({ group, location, lines: [] }));
    lineClasses[c].lines.push(i);
    lineGroup[i] = group;
    lineClass[i] = c;
  });

  const specSupply = new Int32Array(specs.length);
  const specClasses: number[][] = specs.map(() => []);
  deviceClasses.forEach((c, i) => {
    specSupply[c.spec] += c.devices.length;
    specClasses[c.spec].push(i);
  });

  const fitSpecList: number[] = [];
  const fitGroupList: number[] = [];
  const groupFits: number[][] = groups.map(() => []);
  const specFits: number[][] = specs.map(() => []);
  groups.forEach((g, gi) => {
    specs.forEach((s, si) => {
      if (!specMeetsRequirements(s, g)) return;
      const arc = fitSpecList.length;
      fitSpecList.push(si);
      fitGroupList.push(gi);
      groupFits[gi].push(arc);
      specFits[si].push(arc);
    });
  });

  return {
    specs,
    specSupply,
    groups,
    fitSpec: Int32Array.from(fitSpecList),
    fitGroup: Int32Array.from(fitGroupList),
    groupFits,
    specFits,
    deviceLocations,
    lineLocations,
    deviceClasses,
    specClasses,
    lineClasses,
    lineGroup,
    lineClass,
  };
}
