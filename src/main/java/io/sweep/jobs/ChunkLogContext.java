package io.sweep.jobs;

import org.slf4j.MDC;

/**
 * While a chunk runs, what its thread logs names the job, the chunk and the node ({@code job_id},
 * {@code chunk}, {@code node} in the logging context), so one job's lines can be found among
 * every node's. They are cleared afterwards: the scheduler's threads run other chunks next.
 */
final class ChunkLogContext {
    static final String JOB = "job_id";
    static final String CHUNK = "chunk";
    static final String NODE = "node";

    private ChunkLogContext() {}

    static void run(long jobId, int chunk, String node, Runnable work) {
        MDC.put(JOB, String.valueOf(jobId));
        MDC.put(CHUNK, String.valueOf(chunk));
        MDC.put(NODE, node);
        try {
            work.run();
        } finally {
            MDC.remove(JOB);
            MDC.remove(CHUNK);
            MDC.remove(NODE);
        }
    }
}
