package io.sweep.api.admin;

import java.util.List;

/**
 * CSV as RFC 4180 writes it — a cell with a comma, a double quote or a line break is quoted, its
 * quotes doubled; lines end with CRLF — and safe to open in a spreadsheet: a cell starting with
 * {@code = + - @} (or a tab or carriage return) would run as a formula, so it gets a leading
 * {@code '} that makes it text.
 */
final class Csv {
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {}

    static String line(List<String> cells) {
        var line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) line.append(',');
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) return "";
        String v = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
