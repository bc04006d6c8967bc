/**
 * The fault suite's one source of chance: a small seeded generator (mulberry32), so a run that failed can be
 * replayed exactly with FAULTS_SEED=<the seed it printed>. Without FAULTS_SEED each run picks a new seed.
 */
export interface SeededRandom {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    between: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** The seed for a scenario: FAULTS_SEED when replaying, else a fresh one; printed either way. */
export function scenarioRandom(scenario: string): SeededRandom {
  const given = process.env.FAULTS_SEED;
  const seed = given ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new Error(`FAULTS_SEED must be a whole number, got "${given}"`);
  console.log(`faults ${scenario}: seed ${seed} (replay with FAULTS_SEED=${seed})`);
  return seededRandom(seed);
}
