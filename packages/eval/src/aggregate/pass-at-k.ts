/**
 * The unbiased pass@k estimator (Chen et al. 2021): 1 − C(n−c, k) / C(n, k) for n samples of
 * which c are correct. Computed as 1 − Π_{i=n−c+1..n} (1 − k/i), which equals the ratio of
 * binomials without ever forming them (they overflow for n in the hundreds).
 */
export function passAtK(n: number, c: number, k: number): number {
  if (!(Number.isInteger(n) && Number.isInteger(c) && Number.isInteger(k)) || n < 1 || c < 0 || c > n || k < 1 || k > n) {
    throw new RangeError(`passAtK needs integers 0 ≤ c ≤ n and 1 ≤ k ≤ n; got n=${n}, c=${c}, k=${k}`);
  }
  if (n - c < k) return 1; // every k-subset contains a correct sample
  let allWrong = 1;
  for (let i = n - c + 1; i <= n; i++) allWrong *= 1 - k / i;
  return 1 - allWrong;
}
