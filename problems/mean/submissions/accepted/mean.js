const data = require('fs').readFileSync(0, 'utf8');
let pos = 0;
function next() {
  while (data.charCodeAt(pos) <= 32) pos++;
  const start = pos;
  while (pos < data.length && data.charCodeAt(pos) > 32) pos++;
  return data.slice(start, pos);
}
const n = Number(next());
let sum = 0;
for (let i = 0; i < n; i++) sum += parseFloat(next());
console.log((sum / n).toFixed(9));
