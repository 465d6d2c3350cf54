/** A page of a list endpoint. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A file attached to a record (contract text, agreement, evaluation report, disclosure). */
export interface AttachmentView {
  id: string;
  fileId: string;
  name: string;
  label: string;
  sizeBytes: number;
  uploadedAt: string;
}
