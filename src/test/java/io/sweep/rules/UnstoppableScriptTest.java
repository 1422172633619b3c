package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts that GraalJS cannot cancel, because they catch what cancelling throws at them: each call
 * still ends within its budget and a grace with SCRIPT_TIMEOUT, through the sandbox, the validator,
 * a preview, a job and {@code sweep check}, and the server goes on working. Each runs in a JVM of its
 * own ({@link UnstoppableScriptMain}); a process that does not end in time fails the test.
 */
@Tag("slow")
class UnstoppableScriptTest {
    @TempDir
    Path dir;

    private static Process java(String mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return process;
    }

    /** The process's output once it ended; a process still running after the timeout is killed and fails the test. */
    private static String output(Process process, int minutes) throws InterruptedException {
        var out = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append(e);
            }
        });
        boolean ended = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!ended) process.destroyForcibly().waitFor();
        reader.join();
        assertThat(ended).as("the process ended in time; its output:\n" + out).isTrue();
        return out.toString();
    }

    @Test
    void scripts_that_catch_their_cancellation_are_abandoned_within_their_budget() throws Exception {
        String output = output(java(UnstoppableScriptMain.class.getName()), 4);
        List<String> lines = output.lines().filter(l -> l.startsWith("case ") || l.startsWith("server ") || l.startsWith("sandbox ")).toList();
        for (String name : UnstoppableScriptMain.CASES.keySet()) {
            String line = lines.stream().filter(l -> l.startsWith("case " + name + " ")).findFirst().orElseThrow(() -> new AssertionError(output));
            assertThat(line).as(output).contains("-> SCRIPT_TIMEOUT ").contains("300 ms").endsWith("; next -> UPDATED");
            // 300 ms of budget and 1 s of grace, with room for a busy machine
            long millis = Long.parseLong(line.replaceAll(".* in (\\d+) ms;.*", "$1"));
            assertThat(millis).as(line).isLessThan(20_000);
        }
        assertThat(lines).as(output).anySatisfy(l -> assertThat(l).startsWith("case module -> problems").contains("top-level code ran longer than"));
        assertThat(lines).as(output).anySatisfy(l -> assertThat(l).matches("sandbox abandoned [1-9]\\d*"));
        assertThat(lines).as(output).contains("server ready", "server module-code rule -> error", "server read -> 200", "server next job -> COMPLETED updated 2");
        assertThat(lines).as(output).anySatisfy(l -> assertThat(l).startsWith("server put module-code -> 400").contains("top-level code ran longer than"));
        assertThat(lines).as(output).anySatisfy(l -> assertThat(l).startsWith("server preview -> 200 SCRIPT_ERROR").contains("SCRIPT_TIMEOUT"));
        assertThat(lines).as(output).anySatisfy(l -> assertThat(l).startsWith("server job -> FAILED SCRIPT_TIMEOUT"));
        assertThat(lines).as(output).anySatisfy(l -> assertThat(l).matches("server abandoned [1-9]\\d*"));
    }

    @Test
    void sweep_check_reports_module_code_that_does_not_stop_and_exits() throws Exception {
        Files.writeString(dir.resolve("module-code.js"), UnstoppableScriptMain.MODULE);
        Process check = java("io.sweep.Main", "check", dir.toString());
        String output = output(check, 2);
        assertThat(check.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("module-code.js:").contains("top-level code ran longer than");
    }
}
