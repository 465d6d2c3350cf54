import type { ImportMapping, ImportResult } from '@shegong/shared';
import { api, downloadPost } from '../lib/api';

/** One upload: the file and the columns the user mapped by hand (file header → template column, '' = ignore). */
export interface ImportUpload {
  file: File;
  mapping: ImportMapping;
}

/** The multipart body of every import request; the mapping goes first because the server reads it before the file. */
function importForm({ file, mapping }: ImportUpload): FormData {
  const fd = new FormData();
  if (Object.keys(mapping).length > 0) fd.append('mapping', JSON.stringify(mapping));
  fd.append('file', file);
  return fd;
}

/** The check (a dry run: nothing is written) or the commit of all rows at once, at the import's URL. */
export const postImport = <R extends ImportResult = ImportResult>(url: string, upload: ImportUpload) =>
  api.post<R>(url, importForm(upload));

/** The uploaded sheet with a 问题 column added, saved as 〈file name〉-问题清单.xlsx unless the server names it. */
export const downloadProblems = (url: string, upload: ImportUpload) =>
  downloadPost(url, importForm(upload), `${upload.file.name.replace(/\.[^.]+$/, '')}-问题清单.xlsx`);
