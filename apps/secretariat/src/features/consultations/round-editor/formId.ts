/** Prefix of the round form's field ids. */
export const FORM_ID = 'round';
