// The reference process of the parse bench: node running jsdiff's parsePatch on FILE, printing
// one line per file and per hunk (as `kpr parse` prints its summary), or with --json the parse as
// JSON (as `kpr parse --json` does).
const { readFileSync } = require('node:fs');
const { parsePatch } = require('diff');

const [file, flag] = process.argv.slice(2);
const patches = parsePatch(readFileSync(file, 'utf8'));
if (flag === '--json') {
  process.stdout.write(JSON.stringify(patches) + '\n');
} else {
  const out = [];
  for (const patch of patches) {
    let added = 0;
    let removed = 0;
    for (const hunk of patch.hunks) for (const line of hunk.lines) {
      if (line[0] === '+') added++;
      else if (line[0] === '-') removed++;
    }
    out.push(`${patch.newFileName}  +${added} -${removed}`);
    for (const hunk of patch.hunks) out.push(`  @@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
