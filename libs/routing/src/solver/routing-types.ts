export interface RoutingSupply {
  id: string;
  lat: number;
  lon: number;
  quantity: number;
  /** smaller = older = served first under shortage */
  age: number;
}

export interface RoutingSink {
  id: string;
  lat: number;
  lon: number;
  radiusKm: number;
  capacity: number;
  /**
   * At most this many units from any one supply (an arc capacity on every arc into this sink);
   * absent: no limit. Routing uses it so that one donation cannot take a refurbisher's whole week.
   */
  maxPerSupply?: number;
}

export interface RoutingProblem {
  supplies: RoutingSupply[];
  sinks: RoutingSink[];
  /** (supplyId, sinkId) pairs that must get no flow (a refurbisher that declined/let expire that donation) */
  forbidden?: ReadonlyArray<readonly [string, string]>;
  /** (supplyId, sinkId, units): at most that many units on this pair (below the sink's maxPerSupply) */
  pairCapacities?: ReadonlyArray<readonly [string, string, number]>;
}

export interface RoutingFlow {
  supplyId: string;
  sinkId: string;
  quantity: number;
  distanceKm: number;
}

export interface RoutingSolution {
  flows: RoutingFlow[];
  routedQuantity: number;
  unroutedQuantity: number;
  totalDeviceKm: number;
}
