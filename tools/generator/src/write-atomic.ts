import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Replaces a whole directory with new files, or not at all. Files are written to a sibling temp directory, then
 * swapped in with renames; the old directory is removed only after the new one is in place. A failure while
 * writing leaves the previous output as it was.
 */
export function replaceDirectory(target: string, files: Record<string, string>): void {
  const parent = path.dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(target)}.tmp-${process.pid}`);
  const previous = path.join(parent, `.${path.basename(target)}.old-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    mkdirSync(staging);
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(staging, name), content);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** Writes a file only if it does not exist: handwritten files are created once and never touched again. */
export function writeIfMissing(file: string, content: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return true;
}

/** Replaces one file with a rename, so a reader (or a failed run) sees the old bytes or the new ones, never half. */
export function replaceFile(file: string, content: string): void {
  const staging = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}`);
  try {
    writeFileSync(staging, content);
    renameSync(staging, file);
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  }
}
