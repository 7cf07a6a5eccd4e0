/** Minimal complex arithmetic for numeric evaluation at sample points. */
export interface Complex {
  re: number;
  im: number;
}

export const c = (re: number, im = 0): Complex => ({ re, im });
export const cadd = (a: Complex, b: Complex): Complex => c(a.re + b.re, a.im + b.im);
export const csub = (a: Complex, b: Complex): Complex => c(a.re - b.re, a.im - b.im);
export const cmul = (a: Complex, b: Complex): Complex => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export function cdiv(a: Complex, b: Complex): Complex {
  const den = b.re * b.re + b.im * b.im;
  return c((a.re * b.re + a.im * b.im) / den, (a.im * b.re - a.re * b.im) / den);
}
export const cabs = (a: Complex): number => Math.hypot(a.re, a.im);
export const cexp = (a: Complex): Complex => {
  const r = Math.exp(a.re);
  return a.im === 0 ? c(r) : c(r * Math.cos(a.im), r * Math.sin(a.im));
};
// `a.im || 0` turns -0 into 0, so log(-1) is iπ on the principal branch, never -iπ.
export const clog = (a: Complex): Complex => c(Math.log(cabs(a)), Math.atan2(a.im || 0, a.re));

export function cpow(a: Complex, b: Complex): Complex {
  if (b.im === 0 && Number.isInteger(b.re) && Math.abs(b.re) <= 64) {
    let result = c(1);
    let base = b.re < 0 ? cdiv(c(1), a) : a;
    for (let k = Math.abs(b.re); k > 0; k >>= 1) {
      if (k & 1) result = cmul(result, base);
      base = cmul(base, base);
    }
    return result;
  }
  if (a.im === 0 && b.im === 0 && a.re >= 0) return c(Math.pow(a.re, b.re));
  if (a.re === 0 && a.im === 0) return c(0);
  return cexp(cmul(b, clog(a)));
}

export const csqrt = (a: Complex): Complex => (a.im === 0 && a.re >= 0 ? c(Math.sqrt(a.re)) : cpow(a, c(0.5)));

const I = c(0, 1);
export function csin(a: Complex): Complex {
  if (a.im === 0) return c(Math.sin(a.re));
  return cdiv(csub(cexp(cmul(I, a)), cexp(cmul(c(0, -1), a))), c(0, 2));
}
export function ccos(a: Complex): Complex {
  if (a.im === 0) return c(Math.cos(a.re));
  return cdiv(cadd(cexp(cmul(I, a)), cexp(cmul(c(0, -1), a))), c(2));
}

export const isFinite = (a: Complex): boolean => Number.isFinite(a.re) && Number.isFinite(a.im);
