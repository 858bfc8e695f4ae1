/** Prefix of the edit form's field ids, so the error summary and the missing-answers list can link to them. */
export const FORM_ID = 'assessment';
