// Plans of three sizes for the benchmark, the same every run (a fixed seed), each a valid
// plan-format-v1 file: S has Havering's shape, M and L are far bigger than any council's.

const STATUSES = ['not_started', 'on_track', 'at_risk', 'off_track', 'completed', 'ongoing', 'cancelled'];

/** A small deterministic random number generator (a linear congruential generator). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SIZES = {
  // Havering: 13 recommendations, 32 actions, as the council published them.
  S: { actions: [7, 3, 4, 1, 3, 1, 1, 5, 1, 1, 3, 1, 1], updates: 0 },
  M: { actions: Array(50).fill(10), updates: 5 },
  L: { actions: Array(200).fill(20), updates: 10 },
};

const pad = (n) => String(n).padStart(2, '0');

/** The plan file (as an object) for size S, M or L. */
export function generate(size) {
  const shape = SIZES[size];
  const rnd = random(20191203);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const words = 'council staff residents partners plan strategy review report cabinet scrutiny budget housing regeneration communities services delivery priorities engagement'.split(' ');
  const sentence = (n) => Array.from({ length: n }, () => pick(words)).join(' ');
  const date = (yearFrom) => `${yearFrom + Math.floor(rnd() * 3)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  let update = 0;
  const recommendations = shape.actions.map((count, r) => ({
    id: `r${r + 1}`,
    number: String(r + 1),
    title: `Recommendation ${r + 1}: ${sentence(12)}`,
    context: sentence(40),
    response: 'accepted',
    themes: [pick(['core-1', 'core-2', 'core-3', 'core-4', 'core-5'])],
    group: r % 3 === 0 ? null : `g${(r % 3)}`,
    actions: Array.from({ length: count }, (_, a) => {
      const updates = Array.from({ length: shape.updates }, () => ({
        id: `u${++update}`, date: date(2019), status: pick(STATUSES), note: sentence(15), author: `Officer ${Math.floor(rnd() * 40)}`,
      })).sort((x, y) => x.date.localeCompare(y.date));
      return {
        id: `r${r + 1}-a${a + 1}`,
        text: `Action ${a + 1}: ${sentence(20)}`,
        timescale: pick(['December 2019', 'Q3 2019/20', 'On-going', 'Spring 2020', 'Completed']),
        due: rnd() < 0.8 ? date(2019) : null,
        leads: [`Lead ${Math.floor(rnd() * 60)}`],
        status: updates.length ? updates[updates.length - 1].status : pick(STATUSES),
        updates,
        links: [],
      };
    }),
  }));
  return {
    format: 'cpc-action-plan',
    version: 1,
    plan: {
      id: `bench-${size.toLowerCase()}`,
      council: 'Benchmark Borough Council',
      title: `Benchmark plan ${size}`,
      review: { kind: 'corporate_peer_challenge', onsite_from: '2019-02-26', onsite_to: '2019-03-01', peer_team: [{ name: 'A Peer', role: 'Leader', organisation: 'Another Council' }] },
      themes: [1, 2, 3, 4, 5].map((n) => ({ id: `core-${n}`, title: `Core theme ${n}`, question: sentence(12), kind: 'core' })),
      groups: [{ id: 'g1', name: 'Group one' }, { id: 'g2', name: 'Group two' }],
      findings: [],
      recommendations,
      milestones: [{ id: 'm1', title: 'Progress review', due: '2020-01-01', done: null, note: '' }],
    },
  };
}
