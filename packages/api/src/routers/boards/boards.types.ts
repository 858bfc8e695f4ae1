// Zod inputs local to the boards router (the domain's own input schemas are in @musyawarah/core).
import { z } from 'zod';

export const uuid = z.uuid({ error: 'validation.invalid' });
export const boardIdInput = z.object({ boardId: uuid });
export const sessionIdInput = z.object({ sessionId: uuid });
