// What one measurement reads besides autocannon's latencies: CPU time of a process (utime+stime from
// /proc/<pid>/stat), of every process of the PostgreSQL cluster, the peak RSS (VmHWM, reset through
// /proc/<pid>/clear_refs where the kernel allows it) and SQL statements from pg_stat_statements.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statOf(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      // CPU of children it has waited for: a PostgreSQL backend's time moves here when it exits.
      reapedTicks: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return undefined; // the process ended
  }
}

/** CPU milliseconds used so far by `pid`. */
export const cpuMs = (pid) => ((statOf(pid)?.cpuTicks ?? 0) * 1000) / TICKS_PER_SECOND;

/**
 * CPU milliseconds used so far by the postmaster of `dataDir` and all its children (backends), those
 * that ended included: it never goes down when the pools close connections during a measurement.
 */
export function clusterCpuMs(dataDir) {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const own = statOf(postmaster);
  let ticks = (own?.cpuTicks ?? 0) + (own?.reapedTicks ?? 0);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (stat?.ppid === postmaster) ticks += stat.cpuTicks;
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Peak resident set size in MiB (VmHWM). */
export function peakRssMb(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** Starts a new peak-RSS window; false when the kernel refuses (then VmHWM is the lifetime peak). */
export function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Statements the request roles ran since the last reset: the application role (Sitecare, the raw
 * baseline, PostGraphile) and the contractor role PostGraphile switches to. Leaves out the bench's
 * own queries and Sitecare's job queue, which runs as the owner.
 */
export async function statementCount(client, database) {
  const { rows } = await client.query(
    `select coalesce(sum(calls), 0)::bigint as n from bench_stats.pg_stat_statements s join pg_database d on d.oid = s.dbid
      where d.datname = $1 and s.query not like '%pg_stat_statements%'
        and s.userid in (select oid from pg_roles where rolname in ('sitecare_app', 'bench_contractor'))`,
    [database],
  );
  return Number(rows[0].n);
}

export const resetStatements = (client) => client.query('select bench_stats.pg_stat_statements_reset()');
