import { useMutation } from '@tanstack/react-query';
import type { AttachmentView } from '@shegong/shared';
import { api } from '../lib/api';

/** One file for a record's attachments: where it goes (the record's upload URL), its category label and the file. */
export interface AttachmentUpload {
  url: string;
  label: string;
  file: File;
}

/**
 * Uploads a file to a record (multipart; the server answers the new attachment). The record's feature refreshes its own
 * queries afterwards (AttachmentsList's `onUploaded`), since the upload URL belongs to it.
 */
export function useUploadAttachment() {
  return useMutation({
    mutationFn: ({ url, label, file }: AttachmentUpload) => {
      const fd = new FormData();
      fd.append('label', label);
      fd.append('file', file);
      return api.post<AttachmentView>(url, fd);
    },
  });
}
