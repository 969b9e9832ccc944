// A type error, not a syntax error: tsc refuses "Type 'string' is not assignable to type 'number'".
export {};
declare const require: any;

const tokens: string[] = require('fs').readFileSync(0, 'utf8').split(/\s+/);
const t: number = tokens[0];
const out: number[] = [];
for (let i = 1; i <= t; i++) {
  const x: number = Number(tokens[i]);
  let r = 0;
  while ((r + 1) * (r + 1) <= x) r++;
  out.push(r);
}
console.log(out.join('\n'));
