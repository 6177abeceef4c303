// A small seeded pseudo-random generator for the synthetic data generator.
//
// mulberry32 (Tommy Ettinger, 2017; public domain): a 32-bit state advanced by
// the Weyl increment 0x6D2B79F5 and mixed by two xorshift-multiply rounds. Its
// period is 2^32 and it passes the gjrand/PractRand tests up to a few GB, far
// more than a synthetic survey draws. It is chosen for being tiny, fast and
// identical on every JavaScript engine (only 32-bit integer arithmetic through
// Math.imul and >>>), which is what reproducible fixtures need; it is not a
// cryptographic generator. The same algorithm wrote examples/responses.csv.
//
// Seeds are first hashed with a splitmix32-style finaliser so that nearby
// seeds (1, 2, 3) start far apart, and sub-streams are derived by hashing a
// label into the seed, so adding a draw in one part of the generator does not
// shift the numbers of another part.

/** A seeded source of uniform and normal variates. */
export interface Random {
  /** A uniform number in [0, 1). */
  next(): number;
  /** A standard normal variate (Box–Muller). */
  normal(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
}

function mix(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes a string label into 32 bits (FNV-1a). */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * A mulberry32 generator for a seed and an optional stream label.
 * The seed is any finite number; its integer part modulo 2^32 is used.
 */
export function createRandom(seed: number, stream = ''): Random {
  let state = mix((Math.trunc(seed) >>> 0) ^ hashLabel(stream));
  let spare: number | undefined;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal(): number {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      // 1 - u lies in (0, 1], so the logarithm is finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const theta = 2 * Math.PI * next();
      spare = r * Math.sin(theta);
      return r * Math.cos(theta);
    },
    int(n: number): number {
      return Math.floor(next() * n);
    },
  };
}

/**
 * The standard normal distribution function Φ(x), by the Abramowitz–Stegun
 * 7.1.26 approximation of erf (absolute error below 1.5e-7).
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
