package io.sweep.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an .xlsx download as a spreadsheet would: its parts, and the first sheet's cells with
 * their type. A cell of type {@code inlineStr} (or {@code s}) is text and is shown digit for digit;
 * one without a type is a number, of which spreadsheets keep 15 digits.
 */
public final class Spreadsheet {
    public record Cell(String type, String text) {}

    private final Map<String, byte[]> parts;
    private final List<List<Cell>> rows;

    private Spreadsheet(Map<String, byte[]> parts, List<List<Cell>> rows) {
        this.parts = parts;
        this.rows = rows;
    }

    public static Spreadsheet read(byte[] xlsx) {
        Map<String, byte[]> parts = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) parts.put(e.getName(), zip.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] sheet = parts.get("xl/worksheets/sheet1.xml");
        if (sheet == null) throw new AssertionError("no xl/worksheets/sheet1.xml in " + parts.keySet());
        List<List<Cell>> rows = new ArrayList<>();
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(sheet));
            NodeList rowNodes = doc.getElementsByTagNameNS("*", "row");
            for (int i = 0; i < rowNodes.getLength(); i++) {
                List<Cell> cells = new ArrayList<>();
                NodeList cellNodes = ((Element) rowNodes.item(i)).getElementsByTagNameNS("*", "c");
                for (int j = 0; j < cellNodes.getLength(); j++) {
                    Element c = (Element) cellNodes.item(j);
                    cells.add(new Cell(c.getAttribute("t"), c.getTextContent()));
                }
                rows.add(cells);
            }
        } catch (Exception e) {
            throw new AssertionError("the sheet is no well-formed XML", e);
        }
        return new Spreadsheet(parts, rows);
    }

    public List<List<Cell>> rows() {
        return rows;
    }

    /** The cells' text, row by row. */
    public List<List<String>> texts() {
        return rows.stream().map(r -> r.stream().map(Cell::text).toList()).toList();
    }

    public boolean has(String part) {
        return parts.containsKey(part);
    }
}
