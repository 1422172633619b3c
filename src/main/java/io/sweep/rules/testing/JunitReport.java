package io.sweep.rules.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a test run as JUnit XML, the format CI systems read: one {@code testsuite} per rule, one
 * {@code testcase} per case; a failing case carries a {@code failure}, and each problem that kept
 * a rule from running (a rule that does not load, a bad case file) an {@code error} test case.
 */
public final class JunitReport {
    private JunitReport() {}

    public static void write(RuleTests.Report report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "sweep test");
            counts(xml, report.cases() + report.errors(), report.failed(), report.errors(),
                    report.rules().stream().flatMap(r -> r.cases().stream()).mapToLong(c -> c.time().toNanos()).sum());
            for (RuleTests.RuleReport rule : report.rules()) suite(xml, rule);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void suite(XMLStreamWriter xml, RuleTests.RuleReport rule) throws XMLStreamException {
        long failed = rule.cases().stream().filter(c -> !c.passed()).count();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", rule.rule());
        counts(xml, rule.cases().size() + rule.problems().size(), failed, rule.problems().size(),
                rule.cases().stream().mapToLong(c -> c.time().toNanos()).sum());
        for (var problem : rule.problems()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", rule.rule());
            xml.writeAttribute("name", problem.file());
            xml.writeAttribute("time", "0");
            xml.writeStartElement("error");
            xml.writeAttribute("message", problem.message());
            xml.writeCharacters(problem.toString());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        for (CaseResult c : rule.cases()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", rule.rule());
            xml.writeAttribute("name", c.name());
            xml.writeAttribute("time", seconds(c.time().toNanos()));
            if (!c.passed()) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", c.failure());
                xml.writeCharacters(c.line());
                xml.writeEndElement();
            }
            if (!c.log().isEmpty()) {
                xml.writeStartElement("system-out");
                xml.writeCharacters(c.log());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void counts(XMLStreamWriter xml, long tests, long failures, long errors, long nanos) throws XMLStreamException {
        xml.writeAttribute("tests", Long.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(nanos));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
