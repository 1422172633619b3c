package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.sweep.testsupport.Spreadsheet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class XlsxTest {

    @Test
    void every_cell_is_text_so_ids_keep_their_digits_and_formulas_do_not_run() throws IOException {
        var out = new ByteArrayOutputStream();
        try (Table t = Table.Format.XLSX.open(out, "Results", List.of("id", "message"))) {
            t.row(List.of("5725767000001069003", "=SUM(A1) & <b>\"x\"</b>"));
            t.row(Arrays.asList("5725767000001069004", null));
            t.row(List.of("0012", "bell\u0007 and tab\there\nline"));
        }
        // kept for opening by hand in a spreadsheet
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sample-results.xlsx"), out.toByteArray());

        var sheet = Spreadsheet.read(out.toByteArray());
        assertThat(sheet.texts()).containsExactly(
                List.of("id", "message"),
                List.of("5725767000001069003", "=SUM(A1) & <b>\"x\"</b>"),
                List.of("5725767000001069004", ""),
                List.of("0012", "bell and tab\there\nline"));
        assertThat(sheet.rows().get(1)).allSatisfy(c -> assertThat(c.type()).isEqualTo("inlineStr"));
        assertThat(sheet.rows().get(2).get(1).type()).as("an empty cell has no value").isEmpty();
        assertThat(sheet.has("_rels/.rels")).isTrue();
        assertThat(sheet.has("xl/_rels/workbook.xml.rels")).isTrue();
    }

    @Test
    void a_cell_longer_than_a_spreadsheet_holds_is_cut_at_its_limit() throws IOException {
        var out = new ByteArrayOutputStream();
        try (Table t = Table.Format.XLSX.open(out, "Audit", List.of("details"))) {
            t.row(List.of("x".repeat(40_000)));
        }
        assertThat(Spreadsheet.read(out.toByteArray()).texts().get(1).get(0)).hasSize(32_767);
    }
}
