const tokens = require('fs').readFileSync(0, 'utf8').split(/\s+/);
const t = Number(tokens[0]);
const out = new Array(t);
for (let i = 0; i < t; i++) {
  const x = Number(tokens[i + 1]);
  let lo = 0;
  let hi = 46341;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (mid * mid <= x) lo = mid;
    else hi = mid - 1;
  }
  out[i] = lo;
}
process.stdout.write(out.join('\n') + '\n');
