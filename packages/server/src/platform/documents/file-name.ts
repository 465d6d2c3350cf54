/** A download's file name without the characters Windows refuses (reports, evaluation reports). */
export const safeFileName = (title: string, ext: string) => `${title.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;
