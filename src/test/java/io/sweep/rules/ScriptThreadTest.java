package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScriptThreadTest {
    private static final long NEVER = Long.MAX_VALUE;

    @Test
    void an_out_of_memory_error_on_the_script_thread_reaches_the_caller_as_its_own_exception_and_the_thread_goes_on() {
        var thread = new ScriptThread();
        try {
            assertThatThrownBy(() -> thread.call(() -> {
                throw new OutOfMemoryError("Java heap space");
            }, () -> NEVER)).isInstanceOf(ScriptThread.OutOfMemory.class);
            assertThat(thread.call(() -> "next", () -> NEVER)).isEqualTo("next");
        } finally {
            thread.close();
        }
    }

    @Test
    void the_works_own_exceptions_come_back_as_they_were_thrown() {
        var thread = new ScriptThread();
        try {
            assertThatThrownBy(() -> thread.call(() -> {
                throw new IllegalStateException("closed");
            }, () -> NEVER)).isInstanceOf(IllegalStateException.class).hasMessage("closed");
            assertThatThrownBy(() -> thread.call(() -> {
                throw new StackOverflowError();
            }, () -> NEVER)).isInstanceOf(StackOverflowError.class);
        } finally {
            thread.close();
        }
    }
}
