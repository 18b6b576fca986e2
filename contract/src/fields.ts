/**
 * The id of an extra field on "Send a message": lower-case letters, digits and _, starting with a letter, at
 * most 30 characters. Ids become form control ids in the widget and `fields.<id>` error keys, so the server
 * (settings schema), the settings page and the widget all hold them to this one pattern.
 */
export const FIELD_ID = /^[a-z][a-z0-9_]{0,29}$/;

/** Whether `id` is a valid extra-field id. */
export const isFieldId = (id: unknown): id is string => typeof id === "string" && FIELD_ID.test(id);
