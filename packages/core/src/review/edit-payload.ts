import { z } from 'zod';

// Placeholder until the editions domain's `proposedEditSchema` lands; replaced by a re-export of it.
export const EDIT_PAYLOAD_SCHEMA = z.looseObject({ kind: z.string({ error: 'validation.required' }).min(1).max(60) });
