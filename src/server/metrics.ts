import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Store } from '../store/database.ts';
import type { JobObserver } from './jobs/jobs.ts';

// Prometheus metrics (issue 18), served at GET /metrics to whoever presents the bearer token in
// AS_WRITTEN_METRICS_TOKEN (the route answers 404 when it is unset). One registry per app (tests
// build many apps in one process): the process's own metrics (memory, CPU, event loop lag, garbage
// collection), HTTP requests by method, route pattern and status, and jobs by name and outcome.
// Labels are route patterns (/api/households/:householdId/...), never the ids, names or addresses
// a request carried.

export type Metrics = {
  registry: Registry;
  observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
  observeJob: JobObserver;
};

export function createMetrics(store: Store): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'as_written_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'as_written_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'as_written_jobs_total',
    help: 'Job attempts that ended in this process, by job name and outcome (succeeded, retried, failed, interrupted)',
    labelNames: ['name', 'outcome'] as const,
    registers: [registry],
  });
  const jobSeconds = new Histogram({
    name: 'as_written_job_duration_seconds',
    help: 'Time one job attempt took in this process, by job name and outcome',
    labelNames: ['name', 'outcome'] as const,
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [registry],
  });
  new Gauge({
    name: 'as_written_jobs',
    help: 'Jobs in the job table (every process on the database), by name and status; ended ones are kept 30 days',
    labelNames: ['name', 'status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await store.db
        .selectFrom('job')
        .select(['name', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['name', 'status'])
        .execute();
      for (const row of rows) this.set({ name: row.name, status: row.status }, Number(row.n));
    },
  });
  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    observeJob({ name, outcome, seconds }) {
      jobs.inc({ name, outcome });
      jobSeconds.observe({ name, outcome }, seconds);
    },
  };
}
