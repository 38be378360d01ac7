// The run's figures: medians over the repeats per variant × query, Sitecare's ratios against the
// peers from the same run, a Markdown table and an SVG chart (throughput and p99).
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

const COLORS = { sitecare: '#1f6feb', postgraphile: '#d29922', raw: '#6e7781' };

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
          `<rect x="${x.toFixed(1)}" y="${(H - 30 - h).toFixed(1)}" width="${(bar - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[v]}"><title>${r.label} ${q.key}: ${r[figure].toFixed(1)}</title></rect>`,
        );
      });
      parts.push(
        `<text x="${x0 + 40 + qi * group + (group - 10) / 2}" y="${H - 12}" text-anchor="middle">${q.key}</text>`,
      );
    });
    parts.push(`<text x="${x0 + 36}" y="40" text-anchor="end" font-size="10">${max.toFixed(0)}</text>`);
    return parts.join('\n');
  };
  const legend = variants
    .map((v, i) => {
      const label = summary.find((r) => r.variant === v).label;
      return `<rect x="${20 + i * 150}" y="${H + 4}" width="12" height="12" fill="${COLORS[v]}"/><text x="${36 + i * 150}" y="${H + 14}">${label}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H + 24}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${chart(0, 'rps', 'Throughput (req/s, higher is better)')}
${chart(W, 'p99', 'p99 latency (ms, lower is better)')}
${legend}
</svg>
`;
}
