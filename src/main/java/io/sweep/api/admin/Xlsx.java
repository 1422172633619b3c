package io.sweep.api.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The smallest Office Open XML workbook (ECMA-376) that Excel, LibreOffice and Google Sheets open:
 * one sheet whose cells are all inline text. A 19-digit id stays those 19 digits, and a value
 * starting with {@code =} is text, never a formula. Rows are written as they come; the sheet is
 * the last part of the zip, so nothing is held in memory.
 */
final class Xlsx implements Table {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    /** Excel's limit of characters in a cell; a longer value is cut there rather than refused by the reader. */
    private static final int MAX_CELL = 32_767;

    private final ZipOutputStream zip;
    private final Writer sheet;

    Xlsx(OutputStream out, String sheetName) throws IOException {
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        part("[Content_Types].xml", HEAD + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>");
        part("_rels/.rels", HEAD + "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
                + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        part("xl/workbook.xml", HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + DOC_RELS + "\"><sheets><sheet name=\""
                + escape(sheetName) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        part("xl/_rels/workbook.xml.rels", HEAD + "<Relationships xmlns=\"" + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + DOC_RELS
                + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        sheet = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        sheet.write(HEAD + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
    }

    private void part(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Override
    public void row(List<String> cells) throws IOException {
        var row = new StringBuilder("<row>");
        for (String cell : cells) {
            if (cell == null || cell.isEmpty()) {
                row.append("<c/>");
            } else {
                String text = cell.length() > MAX_CELL ? cell.substring(0, MAX_CELL) : cell;
                row.append("<c t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(escape(text)).append("</t></is></c>");
            }
        }
        sheet.write(row.append("</row>").toString());
    }

    @Override
    public void close() throws IOException {
        sheet.write("</sheetData></worksheet>");
        sheet.flush();
        zip.closeEntry();
        zip.close();
    }

    /** Text for XML: the five markup characters escaped, characters XML 1.0 cannot hold (control characters) left out. */
    static String escape(String s) {
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') out.append(c);
                }
            }
        }
        return out.toString();
    }
}
