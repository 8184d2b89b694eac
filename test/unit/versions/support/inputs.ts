// Inputs of the versions tests: the sample as v1 ("as sent") and a v2 of it that fixes out_free
// (test/fixtures/versions), and a real `git apply` on a shown post-image written to a temp repo.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ShownImage } from '../../../../src/versions/shown-images';

export const repoRoot = join(__dirname, '..', '..', '..', '..', '..');

export function readSample(): string {
  return readFileSync(join(repoRoot, 'samples', 'rfc-3-5-next-syscall-data-pids.txt'), 'utf8');
}

/** The sample with out_free fixed: `err` carries the errno, pid is freed before it becomes ERR_PTR. */
export function readV2(): string {
  return readFileSync(join(repoRoot, 'test', 'fixtures', 'versions', 'rfc-v2-3-5-next-syscall-data-pids.txt'), 'utf8');
}

/** The file a shown image stands for: its lines at their numbers, lines the patch does not show as marks. */
export function imageFile(image: ShownImage): string[] {
  const lines: string[] = [];
  for (const segment of image.segments) {
    while (lines.length < segment.start - 1) lines.push(`/* line ${lines.length + 1}: not shown */`);
    lines.push(...segment.lines);
  }
  return lines;
}

export interface Applied {
  /** `git apply --check` passed and the diff was applied. */
  readonly ok: boolean;
  readonly stderr: string;
  /** Each file's lines after applying. */
  readonly files: Map<string, string[]>;
}

/** Writes the images into a fresh git repository and applies the diff with git itself. */
export function gitApply(images: readonly ShownImage[], diff: string): Applied {
  const dir = mkdtempSync(join(tmpdir(), 'kpr-apply-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    for (const image of images) {
      const file = join(dir, image.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${imageFile(image).join('\n')}\n`);
    }
    writeFileSync(join(dir, 'change.diff'), diff);
    try {
      execFileSync('git', ['apply', '--check', 'change.diff'], { cwd: dir, stdio: 'pipe' });
      execFileSync('git', ['apply', 'change.diff'], { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      return { ok: false, stderr: String((error as { stderr?: Buffer }).stderr ?? error), files: new Map() };
    }
    const files = new Map(images.map((image) => [image.path, readFileSync(join(dir, image.path), 'utf8').replace(/\n$/, '').split('\n')] as const));
    return { ok: true, stderr: '', files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
