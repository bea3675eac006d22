/**
 * Helpers for tests that write real enterprise-policy files under /etc: they
 * create only the folders that were missing, remove only those again, and name
 * the Chromium id of an unpacked copy of the build (so each test's policy can
 * target its own copy and never another test's browser).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, realpathSync, rmdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** Creates `dir`; returns the folders that did not exist before, deepest first. */
export function makeDir(dir: string): string[] {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) missing.push(d);
  mkdirSync(dir, { recursive: true });
  return missing;
}

/** Removes the folders `makeDir` created, where they are empty again. */
export function removeDirs(dirs: readonly string[]): void {
  for (const d of dirs) if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
}

/** Chromium's id for an unpacked extension without a key: sha256 of its real path, hex mapped 0-f → a-p. */
export function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
