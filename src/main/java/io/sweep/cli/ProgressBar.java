package io.sweep.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A job's progress on a terminal: one line redrawn in place
 * ({@code [#######-------]  45%  22,500/50,000  updated 22,400  failed 100  9,812 rec/s}), or, when
 * the output is not a terminal (a CI log), a plain line at every tenth of the way.
 */
final class ProgressBar {
    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private int lastTenth = -1;
    private int lastLength;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void show(int done, int total, int updated, int failed, double perSecond) {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        String counts = String.format(Locale.ROOT, "%3d%%  %,d/%,d  updated %,d  failed %,d%s", percent, done, total, updated, failed,
                perSecond > 0 ? String.format(Locale.ROOT, "  %,.0f rec/s", perSecond) : "");
        if (terminal) {
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            String line = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + counts;
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            out.println(counts);
        }
        out.flush();
    }

    /** Ends the redrawn line so what follows starts on a line of its own. */
    void finish() {
        if (terminal && lastLength > 0) out.println();
        out.flush();
    }
}
