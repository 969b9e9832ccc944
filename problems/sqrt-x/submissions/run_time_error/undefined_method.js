// Reads lines with readline but calls a method that does not exist: an uncaught TypeError
// ("TypeError: ... is not a function") on the first sample, exit code 1.
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const t = Number(lines[0]);
const out = [];
for (let i = 1; i <= t; i++) {
  out.push(Math.isqrt(Number(lines[i])));
}
console.log(out.join('\n'));
