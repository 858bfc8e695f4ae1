// Zod inputs local to the contributions router (the domain's own input schemas are in @musyawarah/core).
import { z } from 'zod';

export const uuid = z.uuid({ error: 'validation.invalid' });
export const roundIdInput = z.object({ roundId: uuid });
export const contributionIdInput = z.object({ contributionId: uuid });
export const registrationIdInput = z.object({ registrationId: uuid });
