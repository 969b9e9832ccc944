// BigInt: the sum reaches 2 * 10^18, past what a double holds exactly.
const [a, b] = require('fs').readFileSync(0, 'utf8').trim().split(/\s+/).map(BigInt);
console.log((a + b).toString());
