export {};
declare const require: any;

function isqrt(x: number): number {
  let lo = 0;
  let hi = 46341;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (mid * mid <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const tokens: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/);
const t = Number(tokens[0]);
const out: number[] = [];
for (let i = 1; i <= t; i++) out.push(isqrt(Number(tokens[i])));
console.log(out.join('\n'));
