package io.sweep.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {
    @Test
    void plain_cells_are_written_as_they_are_and_lines_end_with_CRLF() {
        assertThat(Csv.line(List.of("1", "updated", "Rating: null → Active"))).isEqualTo("1,updated,Rating: null → Active\r\n");
    }

    @Test
    void null_and_empty_cells_are_empty() {
        assertThat(Csv.line(Arrays.asList("1", null, ""))).isEqualTo("1,,\r\n");
    }

    @Test
    void a_cell_with_a_comma_a_quote_or_a_line_break_is_quoted_with_its_quotes_doubled() {
        assertThat(Csv.cell("Head, Sales")).isEqualTo("\"Head, Sales\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tcmd"})
    void a_cell_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(String value) {
        assertThat(Csv.cell(value)).isEqualTo("'" + value);
    }

    @Test
    void a_neutralised_cell_is_still_quoted_when_it_needs_to_be() {
        assertThat(Csv.cell("=HYPERLINK(\"http://x\",\"a,b\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"");
    }

    @Test
    void formula_characters_inside_a_cell_are_left_alone() {
        assertThat(Csv.cell("Lead_Score: 1 → -5")).isEqualTo("Lead_Score: 1 → -5");
    }
}
