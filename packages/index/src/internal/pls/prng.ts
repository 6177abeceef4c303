// A small seeded PRNG for the PLS bootstrap: xoshiro128** (Blackman and Vigna,
// "Scrambled linear pseudorandom number generators", ACM TOMS 47, 2021), a
// 128-bit state generator with 32-bit output that passes BigCrush, seeded by
// splitmix32 so that nearby seeds give unrelated states. Math.random cannot be
// seeded, and the bootstrap must be reproducible.
//
// Every resample b draws from its own stream, seeded from (seed, b), so the
// result does not depend on how the resamples are split between workers.

/** The state of a xoshiro128** generator: four 32-bit words. */
export type PrngState = Uint32Array;

// splitmix32 (after Steele, Lea and Flood 2014) turns (seed, stream) into a
// well-mixed 128-bit state; written out so that seeding allocates nothing.
function mix32(z: number): number {
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Seeds `out` (four words) for stream `stream` of seed `seed`, without allocating. */
export function seedStream(out: PrngState, seed: number, stream: number): void {
  // Mix the seed's high bits too: seeds above 2^32 must not collide with their low words.
  let s = ((seed ^ Math.imul(stream + 1, 0x27d4eb2d)) + Math.floor(seed / 4294967296)) | 0;
  s = (s + 0x9e3779b9) | 0;
  out[0] = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  out[1] = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  out[2] = mix32(s);
  s = (s + 0x9e3779b9) | 0;
  out[3] = mix32(s);
  if ((out[0] | out[1] | out[2] | out[3]) === 0) out[0] = 1; // the all-zero state is absorbing
}

/** The next 32-bit output of xoshiro128**, advancing the state in place. */
export function nextUint32(s: PrngState): number {
  const s0 = s[0]!;
  const s1 = s[1]!;
  const s2 = s[2]!;
  const s3 = s[3]!;
  const x = Math.imul(s1, 5);
  const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
  const t = (s1 << 9) >>> 0;
  const n2 = (s2 ^ s0) >>> 0;
  const n3 = (s3 ^ s1) >>> 0;
  s[1] = (s1 ^ n2) >>> 0;
  s[0] = (s0 ^ n3) >>> 0;
  s[2] = (n2 ^ t) >>> 0;
  s[3] = ((n3 << 11) | (n3 >>> 21)) >>> 0;
  return result;
}

/** A uniform integer in [0, n) for n ≤ 2^21 exactly, by Lemire's multiply-shift (bias < n / 2^32). */
export function nextIndex(s: PrngState, n: number): number {
  return Math.floor((nextUint32(s) * n) / 4294967296);
}
