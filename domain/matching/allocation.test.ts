import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProposals, type TAllocation, type TAllocationEdge } from './allocation.ts';

// The allocator is checked against exhaustive search on many small random instances (a fixed
// seed, so a failure can be replayed), against an independent min-cost flow (single source,
// Bellman-Ford shortest paths) on medium ones, and on hand-made cases where greedy choice goes
// wrong.

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

/**
 * The optimum by the textbook route, written independently of allocation.ts: one source joined to
 * every resident, successive shortest paths found by Bellman-Ford, stopped at the first path
 * that no longer lowers the cost. Slow, plain, exact. Returns the total in millionths.
 */
function referenceOptimum(edges: TAllocationEdge[], k: Map<string, number>, n: Map<string, number>): number {
  const residents = [...new Set(edges.map((e) => e.residentId))];
  const openings = [...new Set(edges.map((e) => e.openingId))];
  const node = new Map<string, number>([
    ...residents.map((id, i): [string, number] => [`r:${id}`, 1 + i]),
    ...openings.map((id, i): [string, number] => [`o:${id}`, 1 + residents.length + i]),
  ]);
  const sink = 1 + residents.length + openings.length;
  const arcs: { from: number; to: number; cap: number; cost: number }[] = [];
  const add = (from: number, to: number, cap: number, cost: number) => {
    arcs.push({ from, to, cap, cost }, { from: to, to: from, cap: 0, cost: -cost });
  };
  for (const id of residents) add(0, node.get(`r:${id}`)!, k.get(id) ?? 0, 0);
  for (const e of edges)
    if (e.score > 0)
      add(node.get(`r:${e.residentId}`)!, node.get(`o:${e.openingId}`)!, 1, -Math.round(e.score * 1e6));
  for (const id of openings) add(node.get(`o:${id}`)!, sink, n.get(id) ?? 0, 0);
  let total = 0;
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Number.POSITIVE_INFINITY);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[0] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      arcs.forEach((a, i) => {
        if (a.cap > 0 && dist[a.from]! + a.cost < dist[a.to]!) {
          dist[a.to] = dist[a.from]! + a.cost;
          via[a.to] = i;
          changed = true;
        }
      });
      if (!changed) break;
    }
    if (!(dist[sink]! < 0)) return total;
    for (let v = sink; v !== 0; v = arcs[via[v]!]!.from) {
      arcs[via[v]!]!.cap -= 1;
      arcs[via[v]! ^ 1]!.cap += 1;
    }
    total -= dist[sink]!;
  }
}

/** What every plan must keep, whatever the instance. */
function expectFeasible(plan: TAllocation, input: Parameters<typeof allocateProposals>[0]) {
  const given = new Map(input.edges.map((e) => [`${e.residentId}|${e.openingId}`, e]));
  const pairs = new Set<string>();
  const perResident = new Map<string, number>();
  const perOpening = new Map<string, number>();
  let sum = 0;
  for (const line of plan.lines) {
    const key = `${line.residentId}|${line.openingId}`;
    expect(given.has(key), `${key} was not a candidate pair`).toBe(true);
    expect(pairs.has(key), `${key} twice`).toBe(false);
    expect(line.score).toBeGreaterThan(0);
    pairs.add(key);
    perResident.set(line.residentId, (perResident.get(line.residentId) ?? 0) + 1);
    perOpening.set(line.openingId, (perOpening.get(line.openingId) ?? 0) + 1);
    sum += Math.round(line.score * 1e6);
  }
  for (const [id, count] of perResident)
    expect(count).toBeLessThanOrEqual(input.residentCapacity.get(id) ?? 0);
  for (const [id, count] of perOpening) expect(count).toBeLessThanOrEqual(input.openingCapacity.get(id) ?? 0);
  expect(plan.totalScore).toBe(sum / 1e6);
}

/** Instances of a given size, with ties and zero scores on purpose. */
const arbInstance = (maxResidents: number, maxOpenings: number, maxEdges: number) =>
  fc
    .record({
      residents: fc.integer({ min: 1, max: maxResidents }),
      openings: fc.integer({ min: 1, max: maxOpenings }),
    })
    .chain(({ residents, openings }) =>
      fc.record({
        edges: fc.uniqueArray(
          fc.record({
            residentId: fc.integer({ min: 0, max: residents - 1 }).map((r) => `r${r}`),
            openingId: fc.integer({ min: 0, max: openings - 1 }).map((o) => `o${o}`),
            score: fc.oneof(
              fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
              fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000),
            ),
          }),
          { selector: (e) => `${e.residentId}|${e.openingId}`, maxLength: maxEdges },
        ),
        residentCapacity: fc
          .array(fc.integer({ min: 0, max: 3 }), { minLength: residents, maxLength: residents })
          .map((caps) => new Map(caps.map((c, r) => [`r${r}`, c]))),
        openingCapacity: fc
          .array(fc.integer({ min: 0, max: 4 }), { minLength: openings, maxLength: openings })
          .map((caps) => new Map(caps.map((c, o) => [`o${o}`, c]))),
      }),
    );

describe('allocateProposals', () => {
  it('property: never more than k per resident or n per opening, and equal to exhaustive search', () => {
    fc.assert(
      fc.property(arbInstance(4, 4, 13), (input) => {
        const plan = allocateProposals(input);
        expectFeasible(plan, input);
        const best = bruteForce(input.edges, input.residentCapacity, input.openingCapacity);
        expect(plan.totalScore).toBe(best);
        // The medium test's judge agrees with exhaustive search too.
        expect(referenceOptimum(input.edges, input.residentCapacity, input.openingCapacity)).toBe(
          Math.round(best * 1e6),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('property: equal to an independent min-cost flow on medium instances, whatever the input order', () => {
    fc.assert(
      fc.property(arbInstance(40, 12, 200), fc.integer({ min: 0, max: 199 }), (input, rotate) => {
        const plan = allocateProposals(input);
        expectFeasible(plan, input);
        expect(Math.round(plan.totalScore * 1e6)).toBe(
          referenceOptimum([...input.edges], input.residentCapacity, input.openingCapacity),
        );
        const cut = rotate % Math.max(1, input.edges.length);
        const rotated = [...input.edges.slice(cut), ...input.edges.slice(0, cut)].reverse();
        expect(allocateProposals({ ...input, edges: rotated }).lines).toEqual(plan.lines);
      }),
      { numRuns: 150 },
    );
  });

  it('proposes a pair once, at its best score, when the input names it twice', () => {
    const plan = allocateProposals({
      edges: [
        { residentId: 'r1', openingId: 'o1', score: 0.4 },
        { residentId: 'r1', openingId: 'o1', score: 0.9 },
      ],
      residentCapacity: new Map([['r1', 2]]),
      openingCapacity: new Map([['o1', 3]]),
    });
    expect(plan.lines).toEqual([{ residentId: 'r1', openingId: 'o1', score: 0.9 }]);
    expect(plan.totalScore).toBe(0.9);
  });

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
