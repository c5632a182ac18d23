import { z } from 'zod';

/** The server is up and its database answers. */
export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });
