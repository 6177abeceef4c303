// Weighted moments kept centred at their own mean and merged with Chan's
// update, so that one pass, a stream and shards merged in any order agree to
// rounding (a few ulps), with no cancellation of raw power sums.
//
// Besides Σw and the w-weighted second moment C = Σ w(x − m)², a Moments keeps
// the w²-weighted sums A = Σ w²(x − m) and B = Σ w²(x − m)² that the
// linearisation variance of a ratio mean needs: Σ (wᵢ(xᵢ − m))² = B.

/** Univariate weighted moments, mergeable. */
export interface Moments {
  /** Observations. */
  n: number;
  /** Σ w. */
  w: number;
  /** Σ w². */
  w2: number;
  /** The w-weighted mean. */
  mean: number;
  /** Σ w (x − mean)². */
  c: number;
  /** Σ w² (x − mean). */
  a: number;
  /** Σ w² (x − mean)². */
  b: number;
}

/** Empty moments. */
export function emptyMoments(): Moments {
  return { n: 0, w: 0, w2: 0, mean: 0, c: 0, a: 0, b: 0 };
}

/** Multiplies the weights behind `m` by `r` (a change of weight unit). */
export function rescaleMoments(m: Moments, r: number): void {
  m.w *= r;
  m.w2 *= r * r;
  m.c *= r;
  m.a *= r * r;
  m.b *= r * r;
}

/**
 * Adds one observation (w ≥ 0). A weight of 0 is one that underflowed in units
 * of a far larger weight: it counts the observation and adds nothing.
 */
export function addMoment(m: Moments, x: number, w: number): void {
  if (w === 0) {
    m.n += 1;
    return;
  }
  const w2 = w * w;
  const total = m.w + w;
  const shift = ((x - m.mean) * w) / total; // the new mean minus the old one
  // Re-centre the old sums at the new mean, then add the new point.
  const d = -shift; // old mean − new mean
  m.c += m.w * d * d + w * (x - m.mean - shift) ** 2;
  m.b += 2 * d * m.a + m.w2 * d * d + w2 * (x - m.mean - shift) ** 2;
  m.a += m.w2 * d + w2 * (x - m.mean - shift);
  m.mean += shift;
  m.w = total;
  m.w2 += w2;
  m.n += 1;
}

/** Merges `other` into `m`. */
export function mergeMoments(m: Moments, other: Moments): void {
  if (other.n === 0) return;
  if (m.n === 0) {
    Object.assign(m, other);
    return;
  }
  const total = m.w + other.w;
  const mean = m.mean + ((other.mean - m.mean) * other.w) / total;
  const d1 = m.mean - mean;
  const d2 = other.mean - mean;
  m.c = m.c + m.w * d1 * d1 + other.c + other.w * d2 * d2;
  m.b = m.b + 2 * d1 * m.a + m.w2 * d1 * d1 + other.b + 2 * d2 * other.a + other.w2 * d2 * d2;
  m.a = m.a + m.w2 * d1 + other.a + other.w2 * d2;
  m.mean = mean;
  m.w = total;
  m.w2 += other.w2;
  m.n += other.n;
}

/** Bivariate weighted moments over the rows where both x and y are present. */
export interface PairMoments {
  n: number;
  w: number;
  w2: number;
  mx: number;
  my: number;
  /** Σ w (x − mx)². */
  cxx: number;
  /** Σ w (y − my)². */
  cyy: number;
  /** Σ w (x − mx)(y − my). */
  cxy: number;
  /** Σ w² (x − mx). */
  ax: number;
  /** Σ w² (y − my). */
  ay: number;
  /** Σ w² (x − mx)(y − my). */
  bxy: number;
}

/** Empty pair moments. */
export function emptyPair(): PairMoments {
  return { n: 0, w: 0, w2: 0, mx: 0, my: 0, cxx: 0, cyy: 0, cxy: 0, ax: 0, ay: 0, bxy: 0 };
}

function shiftPair(p: PairMoments, mx: number, my: number): void {
  const dx = p.mx - mx;
  const dy = p.my - my;
  p.cxx += p.w * dx * dx;
  p.cyy += p.w * dy * dy;
  p.cxy += p.w * dx * dy;
  p.bxy += dx * p.ay + dy * p.ax + p.w2 * dx * dy;
  p.ax += p.w2 * dx;
  p.ay += p.w2 * dy;
  p.mx = mx;
  p.my = my;
}

/** Adds one (x, y) observation with weight w. */
export function addPair(p: PairMoments, x: number, y: number, w: number): void {
  const total = p.w + w;
  const mx = p.mx + ((x - p.mx) * w) / total;
  const my = p.my + ((y - p.my) * w) / total;
  shiftPair(p, mx, my);
  const ex = x - mx;
  const ey = y - my;
  const w2 = w * w;
  p.cxx += w * ex * ex;
  p.cyy += w * ey * ey;
  p.cxy += w * ex * ey;
  p.bxy += w2 * ex * ey;
  p.ax += w2 * ex;
  p.ay += w2 * ey;
  p.w = total;
  p.w2 += w2;
  p.n += 1;
}

/** Merges `other` into `p`. */
export function mergePair(p: PairMoments, other: PairMoments): void {
  if (other.n === 0) return;
  if (p.n === 0) {
    Object.assign(p, other);
    return;
  }
  const total = p.w + other.w;
  const mx = p.mx + ((other.mx - p.mx) * other.w) / total;
  const my = p.my + ((other.my - p.my) * other.w) / total;
  const o = { ...other };
  shiftPair(p, mx, my);
  shiftPair(o, mx, my);
  p.cxx += o.cxx;
  p.cyy += o.cyy;
  p.cxy += o.cxy;
  p.bxy += o.bxy;
  p.ax += o.ax;
  p.ay += o.ay;
  p.w = total;
  p.w2 += o.w2;
  p.n += o.n;
}
