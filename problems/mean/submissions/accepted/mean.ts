export {};
declare const require: any;

const tokens: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/);
const n: number = Number(tokens[0]);
let sum = 0;
for (let i = 1; i <= n; i++) sum += parseFloat(tokens[i]);
console.log((sum / n).toFixed(9));
