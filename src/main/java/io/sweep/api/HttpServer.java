package io.sweep.api;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.sweep.errors.ApiException;
import io.sweep.errors.ErrorCode;
import io.sweep.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweep over HTTP: the admin UI's files, the APIs' routes behind the gate (security headers, the
 * body limit, "starting" until ready) and the access each route declares, health, and every
 * failure answered as a Zoho error in JSON, never a stack trace.
 */
public final class HttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    /**
     * Sent with every response: the UI's pages may run only their own scripts and styles, talk
     * only to this server, and not be framed; browsers must not guess content types.
     */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "same-origin",
            "X-Frame-Options", "DENY");

    /** How long {@code /health/ready} waits for the database before it answers 503. */
    static final Duration READY_PROBE = Duration.ofSeconds(3);

    /** {@code host}: the address to listen on; {@code ready}: the server does its work; {@code databaseAnswersWithin}: a probe of the database. */
    public record Settings(String host, int port, long maxBodyBytes, BooleanSupplier ready, Predicate<Duration> databaseAnswersWithin) {}

    /** A route as Javalin's router holds it, with the access it was registered with (null when none). */
    public record Route(String method, String path, Access access) {}

    private final Settings settings;
    private final AccessGate accessGate;
    private final List<Consumer<RoutesConfig>> apis;
    private final HttpMetrics metrics;
    private Javalin server;

    /** {@code apis} register their routes, each with its declared access; {@code metrics} times every request. */
    public HttpServer(Settings settings, AccessGate accessGate, List<Consumer<RoutesConfig>> apis, HttpMetrics metrics) {
        this.settings = settings;
        this.accessGate = accessGate;
        this.apis = List.copyOf(apis);
        this.metrics = metrics;
    }

    /** Starts answering (health 503 and every other path "starting" until ready). Returns the port. */
    public int start() {
        server = Javalin.create(cfg -> {
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            cfg.http.maxRequestSize = settings.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JsonErrorHandler(SECURITY_HEADERS)));
            cfg.requestLogger.http((ctx, millis) -> {
                TokenRateLimits.release(ctx);
                metrics.record(ctx, millis);
                AccessLog.record(ctx, millis);
            });
            // the admin UI (web/ at the repository root, copied into the jar); "/" answers index.html
            cfg.staticFiles.add(web -> {
                web.hostedPath = "/";
                web.directory = "/web";
                web.location = Location.CLASSPATH;
                web.headers = Map.of("Cache-Control", "no-cache");
                // the pages themselves are public; everything they show comes from the API
                web.roles = Set.of(Access.open());
            });
            cfg.routes.before(this::gate);
            cfg.routes.beforeMatched(accessGate::check);
            cfg.routes.beforeMatched(Utf8Body::require);
            cfg.routes.get("/health", this::health, Access.open());
            cfg.routes.get("/health/ready", this::healthReady, Access.open());
            apis.forEach(api -> api.accept(cfg.routes));
            cfg.routes.exception(ApiException.class, (e, ctx) -> render(ctx, e));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                // a chunked body over the limit: Javalin stopped reading at the limit
                if (e.getStatus() == 413) discardModestRest(ctx);
                render(ctx, translate(e));
            });
            cfg.routes.exception(io.sweep.db.QueryTimeoutException.class, (e, ctx) -> render(ctx, new ApiException(ErrorCode.QUERY_TIMEOUT,
                    Map.of("limit_name", "read_timeout_seconds", "limit", String.valueOf(e.seconds())))));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (clientWentAway(e)) {
                    // nobody is left to answer; a slow or dropped client is not a server failure
                    LOG.info("client went away during {} {}: {}", ctx.method(), ctx.path(), String.valueOf(e.getMessage()));
                    return;
                }
                LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                render(ctx, new ApiException(ErrorCode.INTERNAL_ERROR));
            });
        }).start();
        return server.port();
    }

    public int port() {
        return server.port();
    }

    public void stop() {
        if (server != null) server.stop();
    }

    /** Every HTTP route the server answers, read from Javalin's router in registration order. */
    public List<Route> routes() {
        return server.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> {
                    var roles = e.metadata(io.javalin.security.Roles.class);
                    Access access = roles == null ? null : roles.getRoles().stream()
                            .filter(Access.class::isInstance).map(Access.class::cast).findFirst().orElse(null);
                    return new Route(e.method.name(), e.path, access);
                })
                .toList();
    }

    private void gate(Context ctx) {
        RequestIds.begin(ctx);
        SECURITY_HEADERS.forEach(ctx::header);
        if (!settings.ready().getAsBoolean() && !ctx.path().equals("/health") && !ctx.path().equals("/health/ready")) {
            ctx.status(503).contentType(JsonResponse.CONTENT_TYPE).result("{\"status\":\"starting\"}");
            ctx.skipRemainingHandlers();
            return;
        }
        long length = ctx.contentLength();
        if (length > settings.maxBodyBytes()) {
            discardModestBody(ctx, length);
            throw new ApiException(ErrorCode.BODY_TOO_LARGE, Map.of("max_bytes", settings.maxBodyBytes()));
        }
    }

    /**
     * A client still sending when the server answers and closes sees a reset instead of the 413.
     * Reading a body of a few times the limit costs little and lets the client read the answer;
     * anything bigger is cut off.
     */
    private void discardModestBody(Context ctx, long length) {
        if (length > 8 * settings.maxBodyBytes()) return;
        discardModestRest(ctx);
    }

    /** Reads and drops what is left of the body, up to a few times the limit (a chunked body has no declared length). */
    private void discardModestRest(Context ctx) {
        try {
            var in = ctx.req().getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = 8 * settings.maxBodyBytes();
            for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) != -1; ) left -= n;
        } catch (java.io.IOException e) {
            LOG.debug("client went away while sending an oversized body", e);
        }
    }

    private void health(Context ctx) {
        boolean ready = settings.ready().getAsBoolean();
        ctx.status(ready ? 200 : 503).contentType(JsonResponse.CONTENT_TYPE)
                .result(ready ? "{\"status\":\"ready\"}" : "{\"status\":\"starting\"}");
    }

    /** Ready for work: started, and the database answers a query within {@link #READY_PROBE}. */
    private void healthReady(Context ctx) {
        if (!settings.ready().getAsBoolean()) {
            health(ctx);
            return;
        }
        if (!settings.databaseAnswersWithin().test(READY_PROBE)) {
            throw new ApiException(ErrorCode.NOT_READY, Map.of("waited_seconds", READY_PROBE.toSeconds()));
        }
        ctx.status(200).contentType(JsonResponse.CONTENT_TYPE).result("{\"status\":\"ready\"}");
    }

    /** A request body cut off by the client (Jetty's EofException is an EOFException), or a read that timed out. */
    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t instanceof java.util.concurrent.TimeoutException) return true;
        }
        return false;
    }

    private static ApiException translate(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> new ApiException(ErrorCode.INVALID_URL_PATTERN);
            case 405 -> new ApiException(ErrorCode.INVALID_REQUEST_METHOD);
            case 413 -> new ApiException(ErrorCode.BODY_TOO_LARGE);
            case 400 -> new ApiException(ErrorCode.UNABLE_TO_PARSE_DATA_TYPE);
            default -> new ApiException(ErrorCode.INTERNAL_ERROR);
        };
    }

    private static void render(Context ctx, ApiException e) {
        if (e.error().httpStatus() == 429 && e.details().get("retry_after_seconds") != null) {
            ctx.header("Retry-After", String.valueOf(e.details().get("retry_after_seconds")));
        }
        ctx.status(e.error().httpStatus()).contentType(JsonResponse.CONTENT_TYPE).result(Json.write(ErrorRenderer.body(e)));
    }
}
