// The for loop's block is never closed: node --check reports "SyntaxError: Unexpected end of input".
const tokens = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/);
const n = Number(tokens[0]);
let sum = 0;
for (let i = 1; i <= n; i++) {
  sum += Number(tokens[i]);
console.log(sum / n);
