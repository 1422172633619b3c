package io.sweep.rules;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A run's script output ({@code ctx.log}, {@code console.*}): the first {@code capacity} bytes
 * are kept, the rest only counted, so an endless logging loop costs no memory.
 */
final class BoundedLog extends OutputStream {
    private final int capacity;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    BoundedLog(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < capacity) kept.write(b);
        else dropped++;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, capacity - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
    }

    /** {@link #text()}, then starts empty again: each part of a job reports its own output. */
    synchronized String take() {
        String text = text();
        kept.reset();
        dropped = 0;
        return text;
    }

    /** The kept text, with a note when output was dropped (a cut multi-byte character shows as U+FFFD). */
    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        if (dropped == 0) return text;
        return text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n")
                + "… log truncated at " + capacity + " bytes; " + dropped + " more bytes were dropped\n";
    }
}
