/** Every error the server answers with: `{ error: { code, message, fields? } }`; `fields` keys a message to its input (`fields.<id>` for extra fields). */
export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
