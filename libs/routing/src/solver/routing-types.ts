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
}

export interface RoutingProblem {
  supplies: RoutingSupply[];
  sinks: RoutingSink[];
  /** (supplyId, sinkId) pairs that must get no flow (a refurbisher that declined/let expire that donation) */
  forbidden?: ReadonlyArray<readonly [string, string]>;
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
