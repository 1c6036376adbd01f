import { DataSource } from 'typeorm';
import { seedRegion } from '../dashboard/seed-region';

/**
 * A small region, seeded in seconds with the dashboard bench's bulk SQL: 10 refurbishers, 100
 * donors, 50 partners; `donations` donations of 10 devices over two years, collected, received
 * and mostly delivered, with their custody events, orders and stock levels; 300 open orders and
 * 100 donations declared this week.
 */
export function seedSmallRegion(
  db: DataSource,
  regionId: string,
  donations = 2000,
): Promise<{ devices: number; donations: number; custodyEvents: number; orders: number }> {
  return seedRegion(db, regionId, { donors: 100, donations, newDonations: 100 });
}
