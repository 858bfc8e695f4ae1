// Zod inputs local to the review router (the domain's own input schemas are in @musyawarah/core).
import { z } from 'zod';

export const uuid = z.uuid({ error: 'validation.invalid' });
export const cycleIdInput = z.object({ cycleId: uuid });
export const editIdInput = z.object({ editId: uuid });
export const versionField = z
  .number({ error: 'validation.invalidType' })
  .int({ error: 'validation.invalidType' })
  .min(1)
  .max(2_147_483_647);
