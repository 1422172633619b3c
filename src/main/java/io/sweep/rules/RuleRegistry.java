package io.sweep.rules;

import io.sweep.audit.Actor;
import io.sweep.audit.AuditEntry;
import io.sweep.audit.AuditKind;
import io.sweep.audit.AuditLog;
import io.sweep.audit.LineDiff;
import io.sweep.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules of a directory: every {@code *.js} file in it (not in subdirectories), loaded at
 * {@link #start()} and kept in step with the files by a poll every second. A file that changes,
 * appears or disappears is reloaded, added or dropped; a file that does not validate is
 * reported with its problems and never half-loaded: the last valid version of that rule stays
 * active until the file is fixed.
 *
 * <p>Polling rather than a {@code WatchService}: reading a handful of small files a second costs
 * nothing, and unlike inotify it also sees changes on bind mounts, network file systems and
 * editors' rename-into-place saves without special cases. A file is revalidated only when its
 * content hash changes.
 *
 * <p>The library files of the {@code lib} folder are not rules: they are read with every poll, and
 * when any of them changes (or appears, or goes) every rule is validated again, so a rule using a
 * library gets a new version (or its problems) as soon as the library changes.
 *
 * <p>A file that is a link resolving outside the directory is reported as a problem and never
 * read: whoever may read rules would otherwise read any file the server can.
 *
 * <p>Every change after the first load goes to the audit log with a diff of the file: by the
 * user who wrote it through {@link #write}, or by {@code disk} when the poll finds it. A change
 * already recorded at that version (by the node that wrote it, or by another node polling the
 * same folder) is not recorded again.
 */
public final class RuleRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleRegistry.class);
    private static final String SUFFIX = ".js";

    private final Path dir;
    private final RuleValidator validator;
    private final Duration pollInterval;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    /** Where changes are recorded; null records none (a registry checked on its own). */
    private final AuditLog audit;
    private volatile Map<String, RuleEntry> entries = Map.of();
    /** Each file's text as last read, for the diff of its next change. Guarded by {@code this}. */
    private final Map<String, String> texts = new HashMap<>();
    private boolean loaded;
    /** The stamp of the libraries the entries were validated with. Guarded by {@code this}. */
    private String librariesStamp = RuleLibraries.NONE.stamp();
    private ScheduledExecutorService poller;

    public RuleRegistry(Path dir, RuleValidator validator, AuditLog audit) {
        this(dir, validator, Duration.ofSeconds(1), audit);
    }

    public RuleRegistry(Path dir, RuleValidator validator, Duration pollInterval) {
        this(dir, validator, pollInterval, null);
    }

    public RuleRegistry(Path dir, RuleValidator validator, Duration pollInterval, AuditLog audit) {
        this.dir = dir;
        this.validator = validator;
        this.pollInterval = pollInterval;
        this.audit = audit;
    }

    /** Loads every rule file now, then keeps watching the directory. */
    public synchronized void start() {
        if (poller != null) return;
        rescan();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sweep-rules-poll");
            t.setDaemon(true);
            return t;
        });
        long millis = pollInterval.toMillis();
        poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    public Path dir() {
        return dir;
    }

    /** Called with a rule id after its entry changed, appeared or disappeared (on the polling thread). */
    public void addListener(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Every rule file, by id. */
    public List<RuleEntry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<RuleEntry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The active (last valid) version of a rule, if there is one. */
    public Optional<Rule> rule(String id) {
        return entry(id).map(RuleEntry::active);
    }

    /**
     * The rule file's current text, as it is on disk (also when it does not validate), or empty when
     * there is no such file or it is too large to be a rule.
     */
    public Optional<String> fileSource(String id) {
        Path file = dir.resolve(id + SUFFIX);
        try {
            if (!RuleValidator.validId(id) || !Files.isRegularFile(file) || !insideFolder(dir, file)
                    || Files.size(file) > RuleValidator.MAX_FILE_BYTES) return Optional.empty();
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Validates a rule's source and, if it is valid, writes it to the rule's file atomically
     * (a temporary file moved into place), then loads it. The file stays the source of truth.
     *
     * @return the rule as now active
     * @throws RuleValidationException when the source does not validate; nothing is written
     */
    public Rule write(String id, String source) {
        return write(id, source, Actor.disk());
    }

    /**
     * The rule {@code source} would be if it were saved as {@code id}: validated as {@link #write}
     * validates it (the same problems at the same lines), with the library files as they are now.
     * Nothing is written; the rule is not loaded into the registry.
     *
     * @throws RuleValidationException when the source does not validate
     */
    public Rule check(String id, String source) {
        var validation = validator.validate(id, source, id + SUFFIX, RuleLibraries.read(dir));
        if (!validation.ok()) throw new RuleValidationException(validation.problems());
        return validation.rule();
    }

    /** {@link #write(String, String)}, recording the change as {@code author}'s. */
    public Rule write(String id, String source, Actor author) {
        check(id, source);
        // the poller must not find the new file before this write's own scan does: it would record it as the disk's
        synchronized (this) {
            moveIntoPlace(id, source);
            rescan(id, author);
        }
        return rule(id).orElseThrow(() -> new IllegalStateException("rule " + id + " was written but did not load"));
    }

    private void moveIntoPlace(String id, String source) {
        try {
            Files.createDirectories(dir);
            // a dot file without .js: the poller never mistakes a half-written temporary file for a rule
            Path temp = dir.resolve("." + id + "." + UUID.randomUUID() + ".tmp");
            try {
                Files.writeString(temp, source, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                try {
                    Files.move(temp, dir.resolve(id + SUFFIX), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, dir.resolve(id + SUFFIX), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rule " + id, e);
        }
    }

    private void pollQuietly() {
        try {
            rescan();
        } catch (RuntimeException e) {
            // the next poll tries again; a broken poll must not end the schedule
            LOG.warn("rules: scanning {} failed", dir, e);
        }
    }

    /** Brings the registry in step with the directory now. */
    public void rescan() {
        rescan(null, null);
    }

    /** As {@link #rescan()}; a change of rule {@code writtenId} is {@code author}'s, every other the disk's. */
    private synchronized void rescan(String writtenId, Actor author) {
        Map<String, Path> files = list();
        RuleLibraries libraries = RuleLibraries.read(dir);
        String stamp = libraries.stamp();
        // a library changed: every rule is validated again (those not using it come out as they were)
        boolean librariesChanged = !stamp.equals(librariesStamp);
        librariesStamp = stamp;
        Map<String, RuleEntry> next = new TreeMap<>();
        List<String> changed = new ArrayList<>();
        Map<String, String> read = new HashMap<>();
        for (var file : files.entrySet()) {
            String id = file.getKey();
            RuleEntry previous = entries.get(id);
            RuleEntry entry = load(id, file.getValue(), librariesChanged ? null : previous, previous, read, libraries);
            if (entry == null) continue;
            next.put(id, entry);
            if (!entry.equals(previous)) changed.add(id);
        }
        for (String id : entries.keySet()) {
            if (!next.containsKey(id)) changed.add(id);
        }
        entries = Collections.unmodifiableMap(next);
        for (String id : changed) {
            String before = texts.get(id);
            String after = next.containsKey(id) ? read.getOrDefault(id, before) : null;
            if (after == null) texts.remove(id);
            else texts.put(id, after);
            if (loaded) recordChange(id, next.get(id), before, after, id.equals(writtenId) ? author : Actor.disk());
        }
        loaded = true;
        for (String id : changed) {
            RuleEntry e = next.get(id);
            if (e == null) LOG.info("rules: {} removed", id);
            else if (e.ok()) LOG.info("rules: {} loaded (version {})", id, e.active().version().substring(0, 12));
            else LOG.warn("rules: {} has problems{}: {}", id, e.active() != null ? " (the previous version stays active)" : "", e.problems());
            for (Consumer<String> l : listeners) {
                try {
                    l.accept(id);
                } catch (RuntimeException ex) {
                    LOG.warn("rules: a listener failed on {}", id, ex);
                }
            }
        }
    }

    /** The change to the audit log, unless it is recorded already at this version (by another node, say). */
    private void recordChange(String id, RuleEntry entry, String before, String after, Actor actor) {
        if (audit == null) return;
        String change = entry == null ? "removed" : before == null ? "added" : "changed";
        String version = entry == null ? null : entry.fileVersion();
        try {
            var last = audit.latest(AuditKind.RULE_CHANGE, AuditLog.rule(id));
            if (last.isPresent() && sameChange(last.get(), change, version)) return;
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            details.put("change", change);
            details.put("version", version);
            details.put("valid", entry == null ? null : entry.ok());
            details.put("diff", LineDiff.unified("a/" + id + SUFFIX, before, "b/" + id + SUFFIX, after));
            audit.record(actor, AuditKind.RULE_CHANGE, AuditLog.rule(id), details);
        } catch (RuntimeException e) {
            // the registry must stay in step with the files even when the database does not answer
            LOG.warn("rules: could not record the change of {} in the audit log", id, e);
        }
    }

    private static boolean sameChange(AuditEntry last, String change, String version) {
        if (last.details() == null) return false;
        var details = Json.parseBody(last.details());
        if (change.equals("removed")) return details.path("change").asText().equals("removed");
        return !details.path("change").asText().equals("removed") && version.equals(details.path("version").asText(null));
    }

    private Map<String, Path> list() {
        Map<String, Path> files = new HashMap<>();
        if (!Files.isDirectory(dir)) return files;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(p)) continue;
                files.put(name.substring(0, name.length() - SUFFIX.length()), p);
            }
        } catch (NoSuchFileException e) {
            // the directory went away: no rules
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return files;
    }

    /**
     * Whether {@code file}, links followed, lies inside {@code dir} (links followed too). False
     * when either cannot be resolved.
     */
    static boolean insideFolder(Path dir, Path file) {
        try {
            return file.toRealPath().startsWith(dir.toRealPath());
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    static final String OUTSIDE = "the file is a link to a file outside the rules folder; it is not read";

    /**
     * The entry for a file's current content; null when the file vanished while being read.
     *
     * @param unchanged the entry that stands when the file's content has not changed (null: validate anyway)
     * @param previous  the entry before, whose active rule stays when the file does not validate
     */
    private RuleEntry load(String id, Path path, RuleEntry unchanged, RuleEntry previous, Map<String, String> read, RuleLibraries libraries) {
        String label = path.getFileName().toString();
        String text;
        if (!insideFolder(dir, path)) {
            if (!Files.exists(path)) return null;
            return new RuleEntry(id, label, previous == null ? null : previous.active(), List.of(new RuleProblem(label, 1, 1, OUTSIDE)), "outside");
        }
        try {
            if (Files.size(path) > RuleValidator.MAX_FILE_BYTES) {
                String version = "size:" + Files.size(path);
                if (previous != null && previous.fileVersion().equals(version)) return previous;
                return new RuleEntry(id, label, previous == null ? null : previous.active(),
                        List.of(new RuleProblem(label, 1, 1, "the file is larger than " + RuleValidator.MAX_FILE_BYTES + " bytes")), version);
            }
            text = decode(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            return null;
        } catch (CharacterCodingException e) {
            return new RuleEntry(id, label, previous == null ? null : previous.active(),
                    List.of(new RuleProblem(label, 1, 1, "the file is not UTF-8 text")), "not-utf8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        String version = RuleValidator.version(text);
        if (unchanged != null && unchanged.fileVersion().equals(version)) return unchanged;
        read.put(id, text);
        var validation = validator.validate(id, text, label, libraries);
        if (previous != null && previous.fileVersion().equals(version) && validation.ok() && validation.rule().equals(previous.active())) {
            return previous;
        }
        if (validation.ok()) return new RuleEntry(id, label, validation.rule(), List.of(), version);
        return new RuleEntry(id, label, previous == null ? null : previous.active(), validation.problems(), version);
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes))
                .toString();
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
