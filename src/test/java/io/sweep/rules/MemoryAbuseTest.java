package io.sweep.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scripts that allocate without bound, in a JVM of its own with a 384 MB heap: each is stopped
 * with SCRIPT_MEMORY (in one call, across the records of a job, or while loading), the next rule
 * runs, a well-behaved job running at the same time is not stopped, nor one running while the heap
 * is full of something else, and a thread standing in for
 * the server keeps working without an OutOfMemoryError. (In this test JVM, with its large heap, filling it would take
 * too long.)
 */
@Tag("slow")
class MemoryAbuseTest {
    @Test
    void scripts_that_fill_the_heap_are_stopped_and_the_server_survives() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseG1GC", "--enable-native-access=ALL-UNNAMED",
                "-cp", classpath, MemoryAbuseMain.class.getName())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<String> lines = output.lines().filter(l -> l.startsWith("case ") || l.startsWith("server ")).toList();
        assertThat(lines).as(output).hasSize(MemoryAbuseMain.CASES.size() + 5);
        for (String line : lines.subList(0, MemoryAbuseMain.CASES.size())) {
            assertThat(line).as(output).contains("-> SCRIPT_MEMORY ").endsWith("; next -> UPDATED");
        }
        assertThat(lines.get(MemoryAbuseMain.CASES.size())).as(output).startsWith("case load -> SCRIPT_MEMORY ");
        assertThat(lines.get(MemoryAbuseMain.CASES.size() + 1)).as(output).startsWith("case leak -> SCRIPT_MEMORY ").contains(" after ");
        assertThat(lines.get(MemoryAbuseMain.CASES.size() + 2)).as(output).matches("case bystander -> hog SCRIPT_MEMORY ; other job \\{Updated=\\d+}");
        assertThat(lines.get(MemoryAbuseMain.CASES.size() + 3)).as(output).startsWith("case busy -> {Updated=5000}");
        assertThat(lines.get(lines.size() - 1)).as(output).matches("server served [1-9]\\d* errors 0");
    }
}
