import { z } from 'zod';

/** The server is up and its database answers. */
export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

/** The server takes requests: its database answers and has every migration this version knows. */
export const Ready = z.object({
  status: z.literal('ready'),
  database: z.enum(['sqlite', 'postgres']),
  /** The last migration the database has run. */
  migration: z.string(),
});
