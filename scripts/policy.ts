/**
 * Admin CLI for CRM Privacy Guard policy.
 *   npm run -s policy -- validate FILE…   check policy files; exit 1 if any problem
 *   npm run -s policy -- schema           print Chrome's managed-storage schema
 *   npm run -s policy -- defaults         print the built-in defaults
 * FILE may be a bare policy object, a Chrome/Chromium managed-policy JSON, a
 * Firefox policies.json, a Google Admin console JSON, a .reg export, the Intune
 * PowerShell script or a .mobileconfig profile (see docs/admin-guide.md).
 */
import { readFile } from 'node:fs/promises';
import { extractPolicy, PolicyFileError } from '../lib/policy/formats';
import { managedSchemaJson } from '../lib/policy/managed-schema';
import { validatePolicy, formatProblem } from '../lib/policy/validate';
import { defaultPolicy } from '../lib/policy/schema';

const USAGE = `usage: npm run -s policy -- validate FILE…
       npm run -s policy -- schema
       npm run -s policy -- defaults`;

function decode(buffer: Buffer): string {
  // regedit exports UTF-16LE with a byte-order mark.
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  return buffer.toString('utf8');
}

async function validate(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let worst = 0;
  for (const file of files) {
    let buffer: Buffer;
    try {
      buffer = await readFile(file);
    } catch (error) {
      process.stdout.write(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      worst = Math.max(worst, 2);
      continue;
    }
    try {
      const extracted = extractPolicy(decode(buffer), file);
      const report = validatePolicy(extracted.policy);
      for (const problem of report.problems) process.stdout.write(`${file}: ${formatProblem(problem)}\n`);
      const summary = `${file}: ${report.problems.length === 0 ? 'OK' : `${report.problems.length} problem(s)`} — ${extracted.format} at ${extracted.location}; ${report.lockedKeys.length} setting(s) locked for reps`;
      process.stdout.write(`${summary}\n`);
      if (report.problems.length > 0) worst = Math.max(worst, 1);
    } catch (error) {
      if (!(error instanceof PolicyFileError)) throw error;
      process.stdout.write(`${file}: (file): ${error.message}\n`);
      worst = Math.max(worst, 1);
    }
  }
  return worst;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'validate':
      return validate(rest);
    case 'schema':
      process.stdout.write(managedSchemaJson());
      return 0;
    case 'defaults':
      process.stdout.write(`${JSON.stringify(defaultPolicy(), null, 2)}\n`);
      return 0;
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`policy: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
