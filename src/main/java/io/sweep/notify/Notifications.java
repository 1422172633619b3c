package io.sweep.notify;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.sweep.auth.UserRepository;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.RecordTime;
import io.sweep.jobs.Job;
import io.sweep.jobs.JobRepository;
import io.sweep.jobs.JobScheduler;
import io.sweep.jobs.JobStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells registered endpoints when a job ends. When a job reaches a final status, one delivery
 * per matching endpoint is stored (once per job and endpoint, whichever node sees the end first)
 * and handed to db-scheduler as a one-time execution, which one node picks: the job never waits
 * for a receiver. A failed attempt is tried again after a delay that doubles each time, up to
 * {@link #MAX_ATTEMPTS} attempts; each attempt's answer is kept with the delivery.
 */
public final class Notifications {
    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    static final String TASK = "job-notification";
    public static final int MAX_ATTEMPTS = 8;
    /** The wait before the second attempt; each later one waits twice as long as the one before. */
    public static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final int MAX_URL = 2000;
    private static final int MAX_DESCRIPTION = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NotificationRepository repository;
    private final JobRepository jobs;
    private final Metadata metadata;
    private final UserRepository users;
    private final Clock clock;
    private final String node;
    private final EventSender sender = new EventSender();
    private final OneTimeTask<Void> task;
    private volatile JobScheduler scheduler;

    public Notifications(NotificationRepository repository, JobRepository jobs, Metadata metadata, UserRepository users, Clock clock, String node) {
        this.repository = repository;
        this.jobs = jobs;
        this.metadata = metadata;
        this.users = users;
        this.clock = clock;
        this.node = node;
        this.task = Tasks.oneTime(TASK).onFailure(this::onFailedAttempt).execute((instance, ctx) -> attempt(Long.parseLong(instance.getId())));
    }

    /** The db-scheduler task that sends deliveries: every node's scheduler must know it. */
    public OneTimeTask<Void> deliveryTask() {
        return task;
    }

    /** Where deliveries are handed for sending (the scheduler that runs {@link #deliveryTask()}). */
    public void deliverThrough(JobScheduler scheduler) {
        this.scheduler = scheduler;
    }

    // --- endpoints ----------------------------------------------------------------------------

    /** A new endpoint and its secret, which is not shown again. */
    public record Created(Endpoint endpoint, String secret) {}

    /** The filters of a new endpoint as given: empty lists match anything. */
    public record Request(String url, String description, List<String> rules, List<String> modules, List<String> statuses) {}

    /** Thrown for a request that names something wrong: {@code field} says which part. */
    public static final class InvalidEndpoint extends IllegalArgumentException {
        private final String field;

        InvalidEndpoint(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Created create(Request request, Long createdBy) {
        String url = checkedUrl(request.url());
        String description = request.description() == null || request.description().isBlank() ? null : request.description().trim();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidEndpoint("description", "description is longer than " + MAX_DESCRIPTION + " characters");
        }
        List<String> rules = distinct(request.rules());
        List<String> modules = new ArrayList<>();
        for (String m : distinct(request.modules())) {
            // the module's own spelling, so the filter reads as the jobs do
            modules.add(metadata.module(m).map(Module::apiName).orElseThrow(() -> new InvalidEndpoint("modules", "unknown module " + m)));
        }
        Set<JobStatus> statuses = new LinkedHashSet<>();
        for (String s : distinct(request.statuses())) {
            JobStatus status;
            try {
                status = JobStatus.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                status = null;
            }
            if (status == null || !Endpoint.FINAL.contains(status)) {
                throw new InvalidEndpoint("statuses", "a job ends COMPLETED, FAILED or CANCELLED, not " + s);
            }
            statuses.add(status);
        }
        String secret = newSecret();
        long id = repository.insertEndpoint(new NotificationRepository.NewEndpoint(url, secret, description, rules, modules, statuses, now(), createdBy));
        return new Created(repository.endpoint(id).orElseThrow(), secret);
    }

    public List<Endpoint> endpoints() {
        return repository.endpoints();
    }

    public Optional<Endpoint> endpoint(long id) {
        return repository.endpoint(id);
    }

    /** Stops sending to the endpoint, including what waits for a retry. False when there is no such endpoint. */
    public boolean delete(long id) {
        return repository.deleteEndpoint(id, now());
    }

    /** The endpoint's latest deliveries, newest first, with every attempt. */
    public List<Delivery> deliveries(long endpointId, int limit) {
        return repository.deliveries(endpointId, limit);
    }

    // --- events -------------------------------------------------------------------------------

    /**
     * Called after a job's chunk or its cancel: when the job has ended, stores its deliveries and
     * schedules them. Several calls for one job (the last chunks on two nodes, a cancel and the
     * chunks it closed) store each delivery once. Never throws: the job's work is done.
     */
    public void jobEnded(long jobId) {
        try {
            Optional<Job> ended = jobs.find(jobId).filter(j -> !j.status().active());
            if (ended.isEmpty()) return;
            List<Endpoint> endpoints = repository.endpoints();
            if (endpoints.isEmpty()) return;
            Job job = ended.get();
            String module = metadata.moduleById(job.moduleId()).map(Module::apiName).orElse(null);
            List<Endpoint> matching = endpoints.stream().filter(e -> e.matches(job, module)).toList();
            if (matching.isEmpty()) return;
            String payload = JobEvent.of(job, module, users.byId(job.userId()),
                    job.startedBy() == null ? Optional.empty() : users.byId(job.startedBy()));
            for (Endpoint endpoint : matching) {
                repository.insertDelivery(endpoint.id(), job.id(), payload, now()).ifPresent(this::schedule);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not queue the notifications of job {}", jobId, e);
        }
    }

    private void schedule(long deliveryId) {
        JobScheduler s = scheduler;
        if (s == null) throw new IllegalStateException("deliveries are sent through a scheduler, and none was given");
        s.scheduleTask(task.instance(String.valueOf(deliveryId)));
    }

    /** One POST of a delivery; a failed one throws, so the scheduler runs it again at the time recorded here. */
    private void attempt(long deliveryId) {
        Delivery delivery = repository.delivery(deliveryId).orElse(null);
        // delivered already (this execution ran again after its node died), or its endpoint was deleted
        if (delivery == null || delivery.status() != Delivery.Status.PENDING) return;
        Endpoint endpoint = repository.endpoint(delivery.endpointId()).orElse(null);
        if (endpoint == null) {
            repository.giveUp(deliveryId);
            return;
        }
        int number = delivery.attemptCount() + 1;
        OffsetDateTime now = now();
        var outcome = sender.send(new EventSender.Post(endpoint.url(), repository.secret(endpoint.id()), deliveryId, number,
                delivery.payload(), now.toEpochSecond()));
        OffsetDateTime next = outcome.delivered() || number >= MAX_ATTEMPTS ? null : now.plus(delay(number));
        repository.recordAttempt(deliveryId, now, outcome.httpStatus(), outcome.response(), node, outcome.delivered(), next);
        if (!outcome.delivered()) {
            LOG.info("notification {} of job {} to {}: attempt {} failed ({}){}", deliveryId, delivery.jobId(), endpoint.url(), number,
                    outcome.httpStatus() == null ? outcome.response() : "HTTP " + outcome.httpStatus(),
                    next == null ? "; no more attempts" : "; next at " + RecordTime.format(next));
            throw new AttemptFailed();
        }
    }

    /** The wait after failed attempt {@code number}: {@link #FIRST_RETRY}, then twice the previous wait each time. */
    public static Duration delay(int number) {
        return FIRST_RETRY.multipliedBy(1L << Math.min(number - 1, 20));
    }

    /**
     * Runs the delivery again when {@link #attempt} said (it stored the time), or not at all after
     * the last attempt. A failure before anything was stored (the database away) waits the first delay.
     */
    private void onFailedAttempt(ExecutionComplete complete, ExecutionOperations<Void> operations) {
        long deliveryId = Long.parseLong(complete.getExecution().taskInstance.getId());
        Instant done = complete.getTimeDone();
        try {
            Optional<Delivery> delivery = repository.delivery(deliveryId);
            if (delivery.isEmpty() || delivery.get().status() != Delivery.Status.PENDING
                    || complete.getExecution().consecutiveFailures + 1 >= MAX_ATTEMPTS * 2) {
                operations.stop();
                repository.giveUp(deliveryId);
                return;
            }
            OffsetDateTime next = delivery.get().nextAttemptTime();
            Instant at = next != null && next.toInstant().isAfter(done) ? next.toInstant() : done.plus(FIRST_RETRY);
            operations.reschedule(complete, at);
        } catch (RuntimeException e) {
            LOG.warn("could not read notification {}; trying it again later", deliveryId, e);
            operations.reschedule(complete, done.plus(FIRST_RETRY));
        }
    }

    /** A failed attempt, already recorded with the delivery: no stack trace to log. */
    private static final class AttemptFailed extends RuntimeException {
        AttemptFailed() {
            super("the receiver did not accept the event", null, false, false);
        }
    }

    private static String checkedUrl(String url) {
        if (url == null || url.isBlank()) throw new InvalidEndpoint("url", "url is required");
        String trimmed = url.trim();
        if (trimmed.length() > MAX_URL) throw new InvalidEndpoint("url", "url is longer than " + MAX_URL + " characters");
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new InvalidEndpoint("url", "url must be an absolute http or https address without credentials");
            }
        } catch (URISyntaxException e) {
            throw new InvalidEndpoint("url", "url is not a valid address: " + e.getReason());
        }
        return trimmed;
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) return List.of();
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }

    private OffsetDateTime now() {
        return RecordTime.now(clock);
    }
}
