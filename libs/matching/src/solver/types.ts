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
  /** higher is served first when stock is short */
  priority: number;
  /** smaller = older; older lines are served first among equal priorities */
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
