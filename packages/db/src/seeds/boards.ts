import type { Executor } from '../client';

/** Demo advisory boards, run inside the demo seed's transaction after the demo accounts exist. */
export async function seedDemoBoards(_tx: Executor): Promise<void> {}
