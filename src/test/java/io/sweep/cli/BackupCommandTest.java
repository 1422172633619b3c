package io.sweep.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.Main;
import io.sweep.testsupport.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * {@code sweep backup FILE} against a server running on an H2 file: the zip, unzipped into a new
 * folder as the README says, starts a server that has the records of the moment of the backup
 * (and not those written after it). A token without the backup scope is refused.
 */
class BackupCommandTest {
    @Test
    void a_backup_taken_while_the_server_runs_restores_into_a_new_folder_with_its_records() throws Exception {
        Path dir = Files.createTempDirectory("sweep-backup-test");
        String url = "jdbc:h2:file:" + dir.resolve("data").resolve("sweep").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        Path zip = dir.resolve("backup.zip");
        var server = TestServer.start(url, c -> c.withDemo(false));
        try {
            String before = createLead(server, "Backed Up");
            long admin = server.app().users().byEmail("admin@sweep.local").orElseThrow().id();
            String readOnly = server.app().tokens().create(admin, io.sweep.auth.Scopes.of(List.of("ZohoCRM.modules.ALL")), null, "no backup").token();
            int refused = Main.commandLine().execute("backup", zip.toString(), "--url", server.http().base(), "--token", readOnly);
            assertThat(refused).as("a token without Sweep.backup.READ").isEqualTo(1);
            assertThat(zip).doesNotExist();

            int exit = Main.commandLine().execute("backup", zip.toString(), "--url", server.http().base(), "--token", TestServer.ADMIN_TOKEN);
            assertThat(exit).isZero();
            assertThat(server.http().get("/health/ready").status()).as("still running").isEqualTo(200);
            String after = createLead(server, "After The Backup");
            assertThat(server.admin().get("/crm/v2/Leads/" + after).status()).isEqualTo(200);
            assertThat(before).isNotEqualTo(after);

            Path restored = dir.resolve("restored");
            List<String> files = unzip(zip, restored);
            assertThat(files).containsExactly("sweep.mv.db");
            var copy = TestServer.start("jdbc:h2:file:" + restored.resolve("sweep").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                    c -> c.withDemo(false));
            try {
                var lead = copy.admin().get("/crm/v2/Leads/" + before);
                assertThat(lead.status()).as(lead.body()).isEqualTo(200);
                assertThat(lead.json().get("data").get(0).get("Last_Name").asText()).isEqualTo("Backed Up");
                assertThat(copy.admin().get("/crm/v2/Leads/" + after).status()).as("written after the backup").isIn(204, 404);
            } finally {
                copy.stop();
            }
        } finally {
            server.stop();
        }
    }

    private static String createLead(TestServer server, String lastName) {
        var created = server.admin().post("/crm/v2/Leads", "{\"data\":[{\"Last_Name\":\"" + lastName + "\",\"Company\":\"Backup Co\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("data").get(0).get("details").get("id").asText();
    }

    private static List<String> unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            for (ZipEntry e; (e = entries.getNextEntry()) != null; ) {
                names.add(e.getName());
                Files.copy(entries, into.resolve(e.getName()));
            }
        }
        return names;
    }

    @org.junit.jupiter.api.Test
    void an_in_memory_database_has_nothing_to_back_up_and_says_so() {
        var response = TestServer.shared(io.sweep.testsupport.Backend.H2).admin().get("/api/backup");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("NOT_SUPPORTED");
        assertThat(response.json().get("details").get("database").asText()).startsWith("in-memory");
    }
}
