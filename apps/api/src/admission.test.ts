import { describe, expect, it } from 'vitest';
import { AdmissionGate } from './admission';

describe('AdmissionGate', () => {
  it('admits up to its limit at once and the rest in arrival order as places free up', async () => {
    const gate = new AdmissionGate(2, 10_000);
    const first = await gate.enter();
    const second = await gate.enter();
    const order: string[] = [];
    const third = gate.enter().then((leave) => (order.push('third'), leave));
    const fourth = gate.enter().then((leave) => (order.push('fourth'), leave));
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(2);
    first!();
    first!(); // leaving twice frees one place, not two
    await third;
    expect(order).toEqual(['third']);
    expect(gate.inFlight).toBe(2);
    second!();
    expect((await fourth) && order).toEqual(['third', 'fourth']);
  });

  it('refuses a request that waited longer than allowed, without taking a place', async () => {
    const gate = new AdmissionGate(1, 30);
    const holder = await gate.enter();
    await expect(gate.enter()).resolves.toBeNull();
    expect(gate.queued).toBe(0);
    holder!();
    expect(gate.inFlight).toBe(0);
    const next = await gate.enter();
    expect(next).toBeTypeOf('function');
  });
});
