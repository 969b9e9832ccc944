// BigInt (ES2020): the sum reaches 2 * 10^18, past what a double holds exactly.
export {};
declare const require: any;

const input: string = require('fs').readFileSync(0, 'utf8');
const [a, b]: bigint[] = input.trim().split(/\s+/).map((token) => BigInt(token));
console.log((a + b).toString());
