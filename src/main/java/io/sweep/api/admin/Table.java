package io.sweep.api.admin;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A download of rows (results, the audit log) written as they come, in one of two formats:
 * {@code csv} for programs (RFC 4180, ids as plain digits, see {@link Csv}) and {@code xlsx} for
 * spreadsheets, where every cell is text (see {@link Xlsx}): a spreadsheet opening a CSV reads a
 * 19-digit id as a number and keeps 15 digits of it, and no way of writing the CSV both keeps the
 * digits there and leaves the file plain for programs.
 */
interface Table extends Closeable {

    void row(List<String> cells) throws IOException;

    enum Format {
        CSV("text/csv; charset=utf-8"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        String contentType() {
            return contentType;
        }

        String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format a {@code ?format=} value names, empty for json (or none). */
        static Optional<Format> of(String format) {
            if (format == null) return Optional.empty();
            return switch (format) {
                case "csv" -> Optional.of(CSV);
                case "xlsx" -> Optional.of(XLSX);
                default -> Optional.empty();
            };
        }

        /** A table in this format on {@code out}, its first row the header. */
        Table open(OutputStream out, String sheetName, List<String> header) throws IOException {
            Table table = this == CSV ? csv(out) : new Xlsx(out, sheetName);
            table.row(header);
            return table;
        }
    }

    private static Table csv(OutputStream out) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return new Table() {
            @Override
            public void row(List<String> cells) throws IOException {
                w.write(Csv.line(cells));
            }

            @Override
            public void close() throws IOException {
                w.close();
            }
        };
    }
}
