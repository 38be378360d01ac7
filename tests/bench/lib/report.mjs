// The run's figures: medians over the repeats per variant × query, Sitecare's ratios against the
// peers from the same run, a Markdown table and an SVG chart (throughput and p99). With --keys compare,
// each variant × key state is a variant of its own (`sitecare@old`), plus the ratios new ÷ old.
const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const FIGURES = ['rps', 'p50', 'p90', 'p99', 'statementsPerRequest', 'serverCpuMsPerRequest', 'pgCpuMsPerRequest'];

export function summarise(runs, labels, queries) {
  const rows = [];
  for (const q of queries) {
    for (const [variant, label] of Object.entries(labels)) {
      const mine = runs.filter((r) => r.variant === variant && r.query === q.key);
      if (!mine.length) continue;
      const row = { query: q.key, variant, label, repeats: mine.length };
      for (const f of FIGURES) row[f] = median(mine.map((r) => r[f]));
      row.peakRssMb = Math.max(...mine.map((r) => r.peakRssMb));
      rows.push(row);
    }
    const of = (v) => rows.find((r) => r.query === q.key && r.variant === v);
    const sitecare = of('sitecare');
    for (const peer of ['postgraphile', 'raw']) {
      if (!sitecare || !of(peer)) continue;
      sitecare[`rpsVs_${peer}`] = sitecare.rps / of(peer).rps;
      sitecare[`p99Vs_${peer}`] = sitecare.p99 / of(peer).p99;
    }
  }
  return rows;
}

/**
 * --keys compare: `summarise` on each key state's runs (so Sitecare's ratios to its peers are within a
 * state), its rows as variants `sitecare@old`, `sitecare@new`, … ("Sitecare, old keys"), per query
 * each variant's old row then its new row.
 */
export function summariseByKeys(runs, labels, queries, states) {
  const byState = Object.fromEntries(
    states.map((s) => [
      s,
      summarise(
        runs.filter((r) => r.keys === s),
        labels,
        queries,
      ),
    ]),
  );
  const rows = [];
  for (const q of queries)
    for (const variant of Object.keys(labels))
      for (const s of states) {
        const row = byState[s].find((r) => r.query === q.key && r.variant === variant);
        if (row)
          rows.push({ ...row, variant: `${variant}@${s}`, label: `${row.label}, ${s} keys`, base: variant, keys: s });
      }
  return rows;
}

/** --keys compare: per query × variant, new ÷ old of req/s, p99 and the CPU figures; Sitecare's ratios to its peers on each state. */
export function keyRatios(summary, queries) {
  const out = [];
  for (const q of queries)
    for (const base of [...new Set(summary.map((r) => r.base))]) {
      const old = summary.find((r) => r.query === q.key && r.base === base && r.keys === 'old');
      const now = summary.find((r) => r.query === q.key && r.base === base && r.keys === 'new');
      if (!old || !now) continue;
      const row = { query: q.key, variant: base, label: now.label.replace(/, new keys$/, '') };
      for (const f of ['rps', 'p99', 'pgCpuMsPerRequest', 'serverCpuMsPerRequest']) row[f] = now[f] / old[f];
      for (const peer of ['postgraphile', 'raw'])
        if (now[`rpsVs_${peer}`] !== undefined)
          row[`rpsVs_${peer}`] = { old: old[`rpsVs_${peer}`], new: now[`rpsVs_${peer}`] };
      out.push(row);
    }
  return out;
}

const n = (value, digits = 0) => (value === undefined ? '–' : value.toFixed(digits));

export function renderMarkdown(report, queries) {
  const { settings, data, extras, summary, machine } = report;
  const lines = [
    `Run of ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC, ${n(report.seconds)} s: scale factor ${settings.factor} ` +
      `(${data.customers} customers, ${data.sites} sites, ${data.orders} orders, ${data.ticket_messages} ticket messages), ` +
      `${settings.connections} connections, ${settings.repeats} × ${settings.duration} s per cell after ${settings.warmup} s warm-up, ` +
      `random order; medians of the repeats; ${machine.cpus} CPUs, ${machine.node}. Same-data check passed for every query.`,
    '',
    '| query | variant | req/s | p50 ms | p90 ms | p99 ms | SQL stmts/req | server CPU ms/req | PG CPU ms/req | peak RSS MiB | req/s vs PGL | p99 vs PGL | req/s vs raw | p99 vs raw |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of summary) {
    lines.push(
      `| ${r.query} | ${r.label} | ${n(r.rps)} | ${n(r.p50)} | ${n(r.p90)} | ${n(r.p99)} | ${n(r.statementsPerRequest, 1)} | ` +
        `${n(r.serverCpuMsPerRequest, 2)} | ${n(r.pgCpuMsPerRequest, 2)} | ${n(r.peakRssMb)} | ` +
        `${n(r.rpsVs_postgraphile, 2)} | ${n(r.p99Vs_postgraphile, 2)} | ${n(r.rpsVs_raw, 2)} | ${n(r.p99Vs_raw, 2)} |`,
    );
  }
  lines.push('', 'Queries:');
  for (const q of queries) lines.push(`- (${q.key}) ${q.title}${q.role === 'CONTRACTOR' ? ' — as a contractor' : ''}`);
  if (extras?.sitecareColdStartMs)
    lines.push(
      '',
      `Cold start on the existing data (embedded PostgreSQL stopped and started, ${extras.postgresRestartMs} ms of it; ` +
        `then the production build) to a healthy /healthz: ${extras.sitecareColdStartMs} ms.`,
    );
  if (extras?.keyMigration)
    lines.push(
      '',
      `The key migration (issue 26: every key led by tenant_id) on this data: ${extras.keyMigration.upMs} ms ` +
        `(taken back first, to the old keys, in ${extras.keyMigration.downMs} ms).`,
    );
  if (extras?.privacy) {
    const { customer: c, exportMs, erasureMs, erasureStatus } = extras.privacy;
    lines.push(
      '',
      `Privacy requests for the largest customer's contact (${c.orders} orders, ${c.tickets} tickets, ${c.messages} ` +
        `ticket messages), completed through the API as staff: export (ACCESS) ${exportMs} ms, erasure ${erasureMs} ms (${erasureStatus}).`,
    );
  }
  return lines.join('\n') + '\n';
}

/** --keys compare: the usual report (a row per variant × key state), then the key states and the ratios new ÷ old. */
export function renderKeysMarkdown(report, queries) {
  const { summary, keys } = report;
  const range = (values) => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return lo === hi ? `${lo}` : `${lo}–${hi}`;
  };
  const byState = (s, f) => range(keys.switches.filter((w) => w.to === s).map((w) => w[f]));
  const lines = [
    renderMarkdown(report, queries).trimEnd(),
    '',
    `Key states (issue 26), both measured in this run on the same data and the same running servers: ` +
      `**old** = migration tenant_keys taken back (primary keys \`(id)\`), **new** = applied (\`(tenant_id, id)\`). ` +
      `Each repeat measures both, old then new and new then old in turn, cells in random order within a state; ` +
      `${keys.switches.length} switches with the owner's migrator while the servers were idle ` +
      `(down ${byState('old', 'migrateMs')} ms, up ${byState('new', 'migrateMs')} ms), each followed by ANALYZE of the ` +
      `whole database (${range(keys.switches.map((w) => w.analyzeMs))} ms) and a check of the catalog (customers_pkey's columns). ` +
      `Same-data check passed on both key states, and every query's answers are equal on the old and the new keys.`,
    '',
    'Ratios new keys ÷ old keys (medians of the repeats; req/s above 1 and the others below 1: the new keys are better), ' +
      "and Sitecare's req/s ÷ its peers' on each state:",
    '',
    '| query | variant | req/s new÷old | p99 new÷old | PG CPU new÷old | server CPU new÷old | req/s vs PGL, old → new | req/s vs raw, old → new |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  const pair = (p) => (p ? `${n(p.old, 2)} → ${n(p.new, 2)}` : '–');
  for (const r of keyRatios(summary, queries))
    lines.push(
      `| ${r.query} | ${r.label} | ${n(r.rps, 2)} | ${n(r.p99, 2)} | ${n(r.pgCpuMsPerRequest, 2)} | ${n(r.serverCpuMsPerRequest, 2)} | ` +
        `${pair(r.rpsVs_postgraphile)} | ${pair(r.rpsVs_raw)} |`,
    );
  return lines.join('\n') + '\n';
}

const COLORS = { sitecare: '#1f6feb', postgraphile: '#d29922', raw: '#6e7781' };
// --keys compare: the old keys' bars in a lighter shade of the variant's colour.
const COLORS_OLD = { 'sitecare@old': '#8db7f5', 'postgraphile@old': '#ebcc91', 'raw@old': '#b7bbc0' };
const colorOf = (v) => COLORS[v] ?? COLORS_OLD[v] ?? COLORS[v.split('@')[0]];

/** Two grouped bar charts side by side: req/s and p99 per query, one bar per variant. */
export function renderSvg(summary, queries) {
  const variants = [...new Set(summary.map((r) => r.variant))];
  const W = 420;
  const H = 260;
  const chart = (x0, figure, title) => {
    const max = Math.max(...summary.map((r) => r[figure]), 1);
    const group = (W - 60) / queries.length;
    const bar = (group - 10) / variants.length;
    const parts = [`<text x="${x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">${title}</text>`];
    queries.forEach((q, qi) => {
      variants.forEach((v, vi) => {
        const r = summary.find((s) => s.query === q.key && s.variant === v);
        if (!r) return;
        const h = ((H - 70) * r[figure]) / max;
        const x = x0 + 40 + qi * group + vi * bar;
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${(H - 30 - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${colorOf(v)}"><title>${r.label} ${q.key}: ${r[figure].toFixed(1)}</title></rect>`,
        );
      });
      parts.push(
        `<text x="${x0 + 40 + qi * group + (group - 10) / 2}" y="${H - 12}" text-anchor="middle">${q.key}</text>`,
      );
    });
    parts.push(`<text x="${x0 + 36}" y="40" text-anchor="end" font-size="10">${max.toFixed(0)}</text>`);
    return parts.join('\n');
  };
  // Up to five variants on one line, 150 px apart; more (--keys compare: six) two to a line, old and new.
  const perLine = variants.length > 5 ? 2 : variants.length;
  const step = variants.length > 5 ? 250 : 150;
  const extra = 18 * (Math.ceil(variants.length / perLine) - 1);
  const legend = variants
    .map((v, i) => {
      const label = summary.find((r) => r.variant === v).label;
      const x = 20 + (i % perLine) * step;
      const y = H + 4 + 18 * Math.floor(i / perLine);
      return `<rect x="${x}" y="${y}" width="12" height="12" fill="${colorOf(v)}"/><text x="${x + 16}" y="${y + 10}">${label}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 24 + extra}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${chart(0, 'rps', 'Throughput (req/s, higher is better)')}
${chart(W, 'p99', 'p99 latency (ms, lower is better)')}
${legend}
</svg>
`;
}
