import type { Executor } from '../client';

/** Demo review framework and cycle, run inside the demo seed's transaction after the demo accounts exist. */
export async function seedDemoReview(_tx: Executor): Promise<void> {}
