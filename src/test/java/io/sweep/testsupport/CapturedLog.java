package io.sweep.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything logged in this JVM while it is open, at INFO and above (the access log too, which the
 * tests' configuration keeps quiet otherwise), read through a logback ListAppender on the root logger.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger access = (Logger) LoggerFactory.getLogger("sweep.access");
    private final Level accessLevel = access.getLevel();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLog() {
        appender.start();
        access.setLevel(Level.INFO);
        root.addAppender(appender);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The access log's lines. */
    public List<ILoggingEvent> accessLines() {
        return events().stream().filter(e -> e.getLoggerName().equals("sweep.access")).toList();
    }

    /**
     * Every event as text an appender could write: message, logger, thread, logging context,
     * key-value pairs, arguments and stack traces with their causes' messages.
     */
    public String allText() {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent e : events()) {
            out.append(e.getLoggerName()).append(' ').append(e.getThreadName()).append(' ').append(e.getFormattedMessage())
                    .append(' ').append(e.getMDCPropertyMap()).append(' ').append(e.getKeyValuePairs());
            if (e.getArgumentArray() != null) out.append(' ').append(java.util.Arrays.deepToString(e.getArgumentArray()));
            for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                out.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
                for (var frame : t.getStackTraceElementProxyArray()) out.append(' ').append(frame.getSTEAsString());
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        access.setLevel(accessLevel);
    }
}
