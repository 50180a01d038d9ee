import { describe, expect, it } from 'vitest';
import { allocateProposals, type TAllocationEdge } from './allocation.ts';

// The allocator is checked against exhaustive search on many small random instances (a fixed
// seed, so a failure can be replayed) and on hand-made cases where greedy choice goes wrong.

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The best total by trying every subset of edges: fine for up to ~14 edges. */
function bruteForce(edges: TAllocationEdge[], k: Map<string, number>, n: Map<string, number>): number {
  let best = 0;
  const total = 1 << edges.length;
  for (let mask = 0; mask < total; mask++) {
    const perResident = new Map<string, number>();
    const perOpening = new Map<string, number>();
    let sum = 0;
    let ok = true;
    for (let i = 0; i < edges.length && ok; i++) {
      if (!(mask & (1 << i))) continue;
      const e = edges[i]!;
      const r = (perResident.get(e.residentId) ?? 0) + 1;
      const o = (perOpening.get(e.openingId) ?? 0) + 1;
      if (r > (k.get(e.residentId) ?? 0) || o > (n.get(e.openingId) ?? 0)) ok = false;
      perResident.set(e.residentId, r);
      perOpening.set(e.openingId, o);
      sum += Math.round(e.score * 1_000_000);
    }
    if (ok) best = Math.max(best, sum);
  }
  return best / 1_000_000;
}

describe('allocateProposals', () => {
  it('beats the greedy choice when the best pair blocks two good ones', () => {
    // Greedy takes r1-o1 (0.9) and is left with r2-o2 (0.1): 1.0. The optimum is 0.8 + 0.8.
    const edges = [
      { residentId: 'r1', openingId: 'o1', score: 0.9 },
      { residentId: 'r1', openingId: 'o2', score: 0.8 },
      { residentId: 'r2', openingId: 'o1', score: 0.8 },
      { residentId: 'r2', openingId: 'o2', score: 0.1 },
    ];
    const plan = allocateProposals({
      edges,
      residentCapacity: new Map([
        ['r1', 1],
        ['r2', 1],
      ]),
      openingCapacity: new Map([
        ['o1', 1],
        ['o2', 1],
      ]),
    });
    expect(plan.totalScore).toBeCloseTo(1.6);
    expect(plan.lines.map((l) => `${l.residentId}-${l.openingId}`).sort()).toEqual(['r1-o2', 'r2-o1']);
  });

  it('respects k per resident and n per opening, and proposals already under way', () => {
    const edges: TAllocationEdge[] = [];
    for (const r of ['r1', 'r2', 'r3', 'r4'])
      for (const o of ['o1', 'o2', 'o3']) edges.push({ residentId: r, openingId: o, score: 0.5 });
    const plan = allocateProposals({
      edges,
      residentCapacity: new Map([
        ['r1', 2],
        ['r2', 2],
        ['r3', 0], // already at k
        ['r4', 1],
      ]),
      openingCapacity: new Map([
        ['o1', 3],
        ['o2', 1],
        ['o3', 3],
      ]),
    });
    const count = (key: 'residentId' | 'openingId', id: string) =>
      plan.lines.filter((l) => l[key] === id).length;
    expect(count('residentId', 'r1')).toBeLessThanOrEqual(2);
    expect(count('residentId', 'r3')).toBe(0);
    expect(count('residentId', 'r4')).toBeLessThanOrEqual(1);
    expect(count('openingId', 'o2')).toBeLessThanOrEqual(1);
    expect(plan.lines).toHaveLength(5);
    expect(plan.totalScore).toBeCloseTo(2.5);
  });

  it('equals exhaustive search on 300 random small instances', () => {
    const random = rng(20261125);
    for (let t = 0; t < 300; t++) {
      const residents = 1 + Math.floor(random() * 4);
      const openings = 1 + Math.floor(random() * 4);
      const edges: TAllocationEdge[] = [];
      for (let r = 0; r < residents; r++)
        for (let o = 0; o < openings; o++)
          if (random() < 0.75 && edges.length < 13)
            edges.push({
              residentId: `r${r}`,
              openingId: `o${o}`,
              score: Math.round(random() * 1000) / 1000,
            });
      const k = new Map(Array.from({ length: residents }, (_, r) => [`r${r}`, Math.floor(random() * 3)]));
      const n = new Map(Array.from({ length: openings }, (_, o) => [`o${o}`, Math.floor(random() * 4)]));
      const plan = allocateProposals({ edges, residentCapacity: k, openingCapacity: n });
      expect(plan.totalScore, `instance ${t}`).toBeCloseTo(bruteForce(edges, k, n), 6);
      for (const [id, cap] of k)
        expect(plan.lines.filter((l) => l.residentId === id).length).toBeLessThanOrEqual(cap);
      for (const [id, cap] of n)
        expect(plan.lines.filter((l) => l.openingId === id).length).toBeLessThanOrEqual(cap);
    }
  });

  it('gives the same plan whatever the order of the input', () => {
    const random = rng(7);
    const edges: TAllocationEdge[] = [];
    for (let r = 0; r < 30; r++)
      for (let o = 0; o < 8; o++)
        edges.push({ residentId: `r${r}`, openingId: `o${o}`, score: Math.round(random() * 20) / 20 });
    const k = new Map(Array.from({ length: 30 }, (_, r) => [`r${r}`, 2]));
    const n = new Map(Array.from({ length: 8 }, (_, o) => [`o${o}`, 3]));
    const a = allocateProposals({ edges, residentCapacity: k, openingCapacity: n });
    const b = allocateProposals({ edges: [...edges].reverse(), residentCapacity: k, openingCapacity: n });
    expect(b.lines).toEqual(a.lines);
    expect(a.lines).toHaveLength(24);
  });

  it('returns an empty plan when nothing can be proposed', () => {
    expect(allocateProposals({ edges: [], residentCapacity: new Map(), openingCapacity: new Map() })).toEqual(
      {
        lines: [],
        totalScore: 0,
      },
    );
  });
});
