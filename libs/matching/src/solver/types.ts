/** Cosmetic/functional grade of a refurbished device; A is the best. */
export type MatchGrade = 'A' | 'B' | 'C';

/** An IN_STOCK device as the solver sees it; located at its refurbisher. */
export interface MatchDevice {
  id: string;
  category: string;
  ramGb: number | null;
  storageGb: number | null;
  ssd: boolean | null;
  grade: MatchGrade;
  /**
   * What grading found working. Null or absent: not checked, which fails a line's need for it
   * (we do not promise what we do not know).
   */
  batteryHealthPercent?: number | null;
  webcam?: boolean | null;
  microphone?: boolean | null;
  /** an operating system is installed and recorded */
  osInstalled?: boolean | null;
  /** refurbisher location */
  lat: number;
  lon: number;
}

/** An open order line as the solver sees it; located at its partner. */
export interface MatchLine {
  id: string;
  category: string;
  /** units still to allocate */
  quantity: number;
  minRamGb: number | null;
  minStorageGb: number | null;
  requireSsd: boolean;
  minGrade: MatchGrade | null;
  /** capability needs: a device fits only with each of them known to work (absent: not needed) */
  needsWebcam?: boolean;
  needsMicrophone?: boolean;
  needsOs?: boolean;
  minBatteryHealthPercent?: number | null;
  /**
   * The line's beneficiaries are the least able to cope with a worn machine (seniors, families,
   * job seekers): among fitting devices the cost favours better grade and battery (see cost.ts).
   */
  prefersQuality?: boolean;
  /** higher is served first when stock is short */
  priority: number;
  /**
   * When the devices are needed (any number that orders in time, e.g. epoch ms); earlier first
   * among equal priorities, lines without a date after those with one. Absent: no date.
   */
  neededBy?: number | null;
  /** smaller = older; older lines are served first among equal priorities and dates */
  age: number;
  /** partner location */
  lat: number;
  lon: number;
}

export interface MatchAssignment {
  deviceId: string;
  lineId: string;
  cost: number;
}

export interface MatchingSolution {
  assignments: MatchAssignment[];
  allocatedQuantity: number;
  unfilledQuantity: number;
  totalCost: number;
}
