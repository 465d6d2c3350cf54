/**
 * The ILIKE pattern "contains `text`", with LIKE's wildcards in the user's text escaped (PostgreSQL's default escape
 * character is the backslash), so a search for "%" or "_" finds names containing that character, not every name.
 */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
