export const FORM_ID = 'respond';

export const AUTOSAVE_DELAY_MS = 1000;
