import { compareText } from './match.ts';

// Fair allocation (issue 5 item 4): for the open openings of a partnership, the set of proposals
// with the largest total score such that no resident gets more than k proposals under way and no
// opening more than n. That is a maximum-weight b-matching, solved exactly as a min-cost flow
// (a transportation problem, so every opening's n units must arrive somewhere):
//
//   opening (supply n − active) ─(cap 1, −score)→ resident ─(cap k − active, 0)→ sink
//   opening ─(0)→ sink                               (a place left empty costs nothing)
//
// by successive shortest paths with several supply nodes (Ahuja, Magnanti & Orlin, Network Flows,
// §9.7): one opening at a time, Dijkstra on reduced costs from that opening to the sink, augment,
// repeat until its supply is placed. Each augmentation keeps every residual reduced cost ≥ 0
// (potentials raised by min(distance, distance to the sink), the early-exit variant), so the flow
// is of least cost when all supply is placed, whatever order the openings come in. Because the
// search starts at one opening instead of a common source joined to every resident, it only
// touches the residents that compete for that opening's places: at the bench scale (1,000
// openings × 50,000 residents, top 50 candidates each) 0.1-0.3 s on this machine, where the
// single-source version took 28-38 s (every search seeded all 50,000 residents); both found the
// same total there.
//
// Costs are integers (scores × 10⁶), so sums are exact and a tie is decided the same way every
// time. A pair named twice counts once, at its best score. No maintained npm package does this
// better (min-cost-flow is plain single-source SSP, the others cycle-cancelling teaching code);
// the tests hold it to exhaustive search and to an independent Bellman-Ford min-cost flow.

export interface TAllocationEdge {
  residentId: string;
  openingId: string;
  /** The pair's match score, 0-1. */
  score: number;
}

export interface TAllocationInput {
  edges: readonly TAllocationEdge[];
  /** Proposals each resident may still receive (k − proposals under way); missing = 0. */
  residentCapacity: ReadonlyMap<string, number>;
  /** Proposals each opening may still receive (n − proposals under way); missing = 0. */
  openingCapacity: ReadonlyMap<string, number>;
}

export interface TAllocation {
  lines: TAllocationEdge[];
  totalScore: number;
}

/** Scores are turned into integer costs so that sums are exact and ties are decided the same way every time. */
const SCALE = 1_000_000;

/** A binary min-heap of (key, node) in typed arrays; stale entries are skipped by the caller. */
class NodeHeap {
  private keys: Float64Array;
  private nodes: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.nodes = new Int32Array(Math.max(16, capacity));
  }
  push(key: number, node: number) {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      const nodes = new Int32Array(this.size * 2);
      keys.set(this.keys);
      nodes.set(this.nodes);
      this.keys = keys;
      this.nodes = nodes;
    }
    const keysArr = this.keys;
    const nodesArr = this.nodes;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keysArr[p]! <= key) break;
      keysArr[i] = keysArr[p]!;
      nodesArr[i] = nodesArr[p]!;
      i = p;
    }
    keysArr[i] = key;
    nodesArr[i] = node;
  }
  /** The smallest key (read before pop). */
  topKey(): number {
    return this.keys[0]!;
  }
  /** Removes the top and returns its node. */
  pop(): number {
    const keysArr = this.keys;
    const nodesArr = this.nodes;
    const top = nodesArr[0]!;
    const n = --this.size;
    if (n > 0) {
      const key = keysArr[n]!;
      const node = nodesArr[n]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && keysArr[r]! < keysArr[l]! ? r : l;
        if (keysArr[m]! >= key) break;
        keysArr[i] = keysArr[m]!;
        nodesArr[i] = nodesArr[m]!;
        i = m;
      }
      keysArr[i] = key;
      nodesArr[i] = node;
    }
    return top;
  }
  clear() {
    this.size = 0;
  }
}

export function allocateProposals(input: TAllocationInput): TAllocation {
  // One edge per pair (the best score, should a pair come twice), in a fixed order whatever order
  // the input came in, only between people and openings with room left.
  const bestOfPair = new Map<string, TAllocationEdge>();
  for (const e of input.edges) {
    if (!(e.score > 0)) continue;
    if ((input.residentCapacity.get(e.residentId) ?? 0) <= 0) continue;
    if ((input.openingCapacity.get(e.openingId) ?? 0) <= 0) continue;
    const key = `${e.openingId}\u0000${e.residentId}`;
    const seen = bestOfPair.get(key);
    if (!seen || Math.round(e.score * SCALE) > Math.round(seen.score * SCALE)) bestOfPair.set(key, e);
  }
  const edges = [...bestOfPair.values()].sort(
    (a, b) => compareText(a.openingId, b.openingId) || compareText(a.residentId, b.residentId),
  );
  const openingIds = [...new Set(edges.map((e) => e.openingId))];
  const residentIds = [...new Set(edges.map((e) => e.residentId))].sort(compareText);
  const O = openingIds.length;
  const R = residentIds.length;
  const M = edges.length;
  if (M === 0) return { lines: [], totalScore: 0 };

  // Nodes: openings 0..O−1, residents O..O+R−1, the sink O+R.
  const openingIndex = new Map(openingIds.map((id, i) => [id, i]));
  const residentIndex = new Map(residentIds.map((id, i) => [id, O + i]));
  const sink = O + R;
  const edgeOpening = new Int32Array(M);
  const edgeResident = new Int32Array(M);
  /** −score × SCALE: the cost of sending an opening's unit to the person. */
  const edgeCost = new Float64Array(M);
  /** 1 when the pair is in the plan. */
  const edgeFlow = new Uint8Array(M);
  edges.forEach((e, i) => {
    edgeOpening[i] = openingIndex.get(e.openingId)!;
    edgeResident[i] = residentIndex.get(e.residentId)!;
    edgeCost[i] = -Math.round(e.score * SCALE);
  });
  // Edges grouped by opening (they are sorted by opening) and by resident (CSR).
  const openingStart = new Int32Array(O + 1);
  for (let i = 0; i < M; i++) openingStart[edgeOpening[i]! + 1]!++;
  for (let o = 0; o < O; o++) openingStart[o + 1]! += openingStart[o]!;
  const residentStart = new Int32Array(R + 1);
  for (let i = 0; i < M; i++) residentStart[edgeResident[i]! - O + 1]!++;
  for (let r = 0; r < R; r++) residentStart[r + 1]! += residentStart[r]!;
  const residentEdges = new Int32Array(M);
  {
    const fill = residentStart.slice(0, R);
    for (let i = 0; i < M; i++) residentEdges[fill[edgeResident[i]! - O]!++] = i;
  }

  const excess = new Float64Array(O);
  openingIds.forEach((id, o) => {
    excess[o] = input.openingCapacity.get(id)!;
  });
  /** Room left on resident → sink (k − active − planned). */
  const room = new Float64Array(R);
  residentIds.forEach((id, r) => {
    room[r] = input.residentCapacity.get(id)!;
  });

  // Initial potentials that make every reduced cost c(u,v) + p(u) − p(v) non-negative: openings
  // 0, a resident the cost of its best pair, the sink the lowest of those.
  const potential = new Float64Array(sink + 1);
  for (let i = 0; i < M; i++) {
    const r = edgeResident[i]!;
    if (edgeCost[i]! < potential[r]!) potential[r] = edgeCost[i]!;
  }
  let low = 0;
  for (let v = O; v < sink; v++) low = Math.min(low, potential[v]!);
  potential[sink] = low;

  const dist = new Float64Array(sink + 1).fill(Number.POSITIVE_INFINITY);
  const done = new Uint8Array(sink + 1);
  /** How a node was reached: the edge (opening → resident or back), or for the sink the node before it. */
  const via = new Int32Array(sink + 1);
  const touched = new Int32Array(sink + 1);
  const heap = new NodeHeap(4 * M);

  for (let source = 0; source < O; source++) {
    while (excess[source]! > 0) {
      let touchedCount = 0;
      const reach = (v: number, d: number, how: number) => {
        if (d < dist[v]!) {
          if (dist[v] === Number.POSITIVE_INFINITY) touched[touchedCount++] = v;
          dist[v] = d;
          via[v] = how;
          heap.push(d, v);
        }
      };
      heap.clear();
      reach(source, 0, -1);
      let toSink = Number.POSITIVE_INFINITY;
      while (heap.size > 0) {
        const d = heap.topKey();
        const u = heap.pop();
        if (done[u] || d > dist[u]!) continue;
        done[u] = 1;
        if (u === sink) {
          toSink = d;
          break;
        }
        const pu = potential[u]!;
        if (u < O) {
          // An opening: a place left empty, or a person not yet in its plan.
          reach(sink, d + pu - potential[sink]!, u);
          for (let i = openingStart[u]!; i < openingStart[u + 1]!; i++) {
            if (edgeFlow[i] === 1) continue;
            const r = edgeResident[i]!;
            if (done[r]) continue;
            reach(r, d + edgeCost[i]! + pu - potential[r]!, i);
          }
        } else {
          // A person: room for one more, or give up a planned opening (which then goes elsewhere).
          if (room[u - O]! > 0) reach(sink, d + pu - potential[sink]!, u);
          for (let j = residentStart[u - O]!; j < residentStart[u - O + 1]!; j++) {
            const i = residentEdges[j]!;
            if (edgeFlow[i] === 0) continue;
            const o = edgeOpening[i]!;
            if (done[o]) continue;
            reach(o, d - edgeCost[i]! + pu - potential[o]!, i);
          }
        }
      }
      // Potentials: settled nodes come down by how much shorter than the sink they were; the rest
      // stay (the same as raising everyone else by the distance to the sink).
      for (let t = 0; t < touchedCount; t++) {
        const v = touched[t]!;
        if (done[v]) potential[v]! -= toSink - dist[v]!;
        dist[v] = Number.POSITIVE_INFINITY;
        done[v] = 0;
      }
      // Augment along the path: one unit, or all that is left when the place stays empty.
      const last = via[sink]!;
      let push = 1;
      if (last === source) push = excess[source]!;
      else if (last >= O) room[last - O]! -= 1;
      let v = last;
      while (v !== source) {
        const i = via[v]!;
        if (v >= O) {
          edgeFlow[i] = 1;
          v = edgeOpening[i]!;
        } else {
          edgeFlow[i] = 0;
          v = edgeResident[i]!;
        }
      }
      excess[source]! -= push;
    }
  }

  const lines: TAllocationEdge[] = [];
  let total = 0;
  for (let i = 0; i < M; i++) {
    if (edgeFlow[i] !== 1) continue;
    lines.push(edges[i]!);
    total -= edgeCost[i]!;
  }
  lines.sort(
    (a, b) =>
      compareText(a.openingId, b.openingId) || b.score - a.score || compareText(a.residentId, b.residentId),
  );
  return { lines, totalScore: total / SCALE };
}
