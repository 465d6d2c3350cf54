import { z } from 'zod';

/**
 * Response schemas shared by many routes. Every route declares its answer (the OpenAPI document shows it and the
 * serializer drops any field the schema does not name, so a view can never leak a column by accident).
 */
/** A file answer (xlsx, docx, image): documented by its media type; the bytes bypass JSON serialisation. */
export const fileResponse = (description: string) => z.any().describe(description);

/** `{ ok: true }` style acknowledgements. */
export const okResponse = z.object({ ok: z.literal(true) });
