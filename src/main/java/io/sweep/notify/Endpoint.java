package io.sweep.notify;

import io.sweep.jobs.Job;
import io.sweep.jobs.JobStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * Where ended jobs are POSTed. Each filter is a set of accepted values, empty for any: the rules
 * (a job that ran no rule matches only an endpoint with no rule filter), the modules by API name,
 * and the final statuses. The secret is not part of it: it is shown once, when the endpoint is made.
 */
public record Endpoint(long id, String url, String description, List<String> rules, List<String> modules, Set<JobStatus> statuses,
                       OffsetDateTime createdTime, Long createdBy) {

    /** The statuses a job ends in: the only ones an endpoint can ask for. */
    public static final Set<JobStatus> FINAL = Set.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED);

    public Endpoint {
        rules = List.copyOf(rules);
        modules = List.copyOf(modules);
        statuses = Set.copyOf(statuses);
    }

    public boolean matches(Job job, String moduleApiName) {
        return (rules.isEmpty() || (job.ruleId() != null && rules.contains(job.ruleId())))
                && (modules.isEmpty() || modules.stream().anyMatch(m -> m.equalsIgnoreCase(moduleApiName)))
                && (statuses.isEmpty() || statuses.contains(job.status()));
    }
}
