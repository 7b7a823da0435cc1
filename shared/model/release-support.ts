/**
 * When each modelled release stops being supported upstream (docs/kubernetes-facts.md §8.1: three minor releases at
 * a time, about 12 months each plus 2 months of maintenance mode). The date to judge against is passed in: shared
 * code has no wall clock, and a recorded lesson must say the same thing on the day it is replayed.
 */
import type { KubernetesVersion } from './versions.ts';

interface ReleaseDates {
  /** First day of maintenance mode (only critical fixes), UTC. */
  maintenanceFrom: string;
  /** Last day of support, UTC. */
  endOfLife: string;
}

/**
 * 1.33–1.37 from §8.1 (kubernetes.io/releases and the sig-release READMEs); the older ones from the same
 * endoflife.date table the sheet follows.
 */
const RELEASES: Readonly<Record<KubernetesVersion, ReleaseDates>> = {
  '1.20': { maintenanceFrom: '2021-12-28', endOfLife: '2022-02-28' },
  '1.21': { maintenanceFrom: '2022-04-28', endOfLife: '2022-06-28' },
  '1.22': { maintenanceFrom: '2022-08-28', endOfLife: '2022-10-28' },
  '1.23': { maintenanceFrom: '2022-12-28', endOfLife: '2023-02-28' },
  '1.24': { maintenanceFrom: '2023-05-28', endOfLife: '2023-07-28' },
  '1.25': { maintenanceFrom: '2023-08-28', endOfLife: '2023-10-28' },
  '1.26': { maintenanceFrom: '2023-12-28', endOfLife: '2024-02-28' },
  '1.27': { maintenanceFrom: '2024-04-28', endOfLife: '2024-06-28' },
  '1.28': { maintenanceFrom: '2024-08-28', endOfLife: '2024-10-28' },
  '1.29': { maintenanceFrom: '2024-12-28', endOfLife: '2025-02-28' },
  '1.30': { maintenanceFrom: '2025-04-28', endOfLife: '2025-06-28' },
  '1.31': { maintenanceFrom: '2025-08-28', endOfLife: '2025-10-28' },
  '1.32': { maintenanceFrom: '2025-12-28', endOfLife: '2026-02-28' },
  '1.33': { maintenanceFrom: '2026-04-28', endOfLife: '2026-06-28' },
  '1.34': { maintenanceFrom: '2026-08-27', endOfLife: '2026-10-27' },
  '1.35': { maintenanceFrom: '2026-12-28', endOfLife: '2027-02-28' },
  '1.36': { maintenanceFrom: '2027-04-28', endOfLife: '2027-06-28' },
  '1.37': { maintenanceFrom: '2027-08-28', endOfLife: '2027-10-28' },
};

export type SupportStatus = 'supported' | 'maintenance' | 'end-of-life';

export interface ReleaseSupport {
  status: SupportStatus;
  /** `2027-02-28`: the last supported day. */
  endOfLife: string;
}

const dayStartMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Where `version` stands on the (UTC) day containing `epochMs`. */
export function releaseSupport(version: KubernetesVersion, epochMs: number): ReleaseSupport {
  const dates = RELEASES[version];
  const status: SupportStatus =
    epochMs >= dayStartMs(dates.endOfLife) + DAY_MS ? 'end-of-life' : epochMs >= dayStartMs(dates.maintenanceFrom) ? 'maintenance' : 'supported';
  return { status, endOfLife: dates.endOfLife };
}
