import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The print tests' tools (ADR 0007): LibreOffice headless and poppler-utils read a file as an office printer would. */
export const run = promisify(execFile);

/** Converts files to PDF into `dir` in one soffice call with its own profile (parallel runs must not share one). */
export async function toPdf(dir: string, files: string[]) {
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      ...files,
    ],
    { timeout: 120_000 },
  );
}
