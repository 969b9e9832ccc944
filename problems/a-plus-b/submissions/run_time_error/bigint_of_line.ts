// Splits the input into lines, not tokens: BigInt("1 2") throws an uncaught SyntaxError
// ("Cannot convert 1 2 to a BigInt") on the first sample, exit code 1.
export {};
declare const require: any;

const lines: string[] = require('fs').readFileSync(0, 'utf8').trim().split('\n');
const [a, b]: bigint[] = lines.map((line) => BigInt(line));
console.log((a + b).toString());
