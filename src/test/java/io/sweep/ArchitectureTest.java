package io.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The layering rules of DESIGN.md §3.10, checked on the source. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/io/sweep");

    private static List<String> violations(String importPrefix, java.util.function.Predicate<Path> allowed) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (allowed.test(MAIN.relativize(file))) continue;
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("import " + importPrefix)) found.add(MAIN.relativize(file) + ": " + line);
                }
            }
        }
        return found;
    }

    @Test
    void domain_packages_do_not_import_javalin() throws IOException {
        assertThat(violations("io.javalin", f -> f.startsWith("api") || f.toString().equals("App.java"))).isEmpty();
    }

    @Test
    void only_the_rules_package_imports_graalvm() throws IOException {
        assertThat(violations("org.graalvm", f -> f.startsWith("rules"))).isEmpty();
    }

    @Test
    void only_db_and_repositories_touch_java_sql() throws IOException {
        assertThat(violations("java.sql", f -> f.startsWith("db") || f.getFileName().toString().endsWith("Repository.java"))).isEmpty();
    }
}
