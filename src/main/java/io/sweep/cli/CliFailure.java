package io.sweep.cli;

/** A command that cannot do its work: its message is printed as one line and the process exits with {@code exitCode}. */
public final class CliFailure extends RuntimeException {
    private final int exitCode;

    public CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
