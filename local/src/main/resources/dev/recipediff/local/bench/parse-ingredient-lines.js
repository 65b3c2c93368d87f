// Reads ingredient lines on stdin (one per line) and prints, for each, npm parse-ingredient's reading of it as
// one JSON object per line: {"quantity", "quantity2", "unitOfMeasureID", "unitOfMeasure", "description"}.
// recipediff's LineQuality runs it (with NODE_PATH at the repository's node_modules) to compare parsers.
'use strict';
const { parseIngredient } = require('parse-ingredient');
const readline = require('readline');

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
input.on('line', (line) => {
  const parsed = line.trim() === '' ? [] : parseIngredient(line);
  const first = parsed.find((item) => !item.isGroupHeader) || {};
  out.push(JSON.stringify({
    quantity: first.quantity ?? null,
    quantity2: first.quantity2 ?? null,
    unitOfMeasureID: first.unitOfMeasureID ?? null,
    unitOfMeasure: first.unitOfMeasure ?? null,
    description: first.description ?? null,
  }));
  if (out.length >= 1000) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
});
input.on('close', () => {
  if (out.length > 0) {
    process.stdout.write(out.join('\n') + '\n');
  }
});
