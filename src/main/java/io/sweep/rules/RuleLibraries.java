package io.sweep.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The library files a rule may import: the {@code *.js} files of the rules folder's {@code lib}
 * folder, read into memory. Rules never see the disk: a rule context resolves its imports from
 * such a snapshot ({@link LibraryFileSystem}), so a job runs with exactly the libraries it was
 * validated with, on every node.
 *
 * @param texts    library file name ({@code phone.js}) → its text
 * @param unusable library file name → why it cannot be imported (too large, not UTF-8, a link out of the folder)
 */
public record RuleLibraries(SortedMap<String, String> texts, SortedMap<String, String> unusable) {
    /** The folder of the rules folder that holds the libraries. */
    public static final String FOLDER = "lib";
    /** A library's file name: the same characters as a rule id, then {@code .js}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}\\.js");
    public static final RuleLibraries NONE = new RuleLibraries(new TreeMap<>(), new TreeMap<>());

    public RuleLibraries {
        texts = Collections.unmodifiableSortedMap(new TreeMap<>(texts));
        unusable = Collections.unmodifiableSortedMap(new TreeMap<>(unusable));
    }

    /** Libraries given by name and text, as a job keeps them. */
    public static RuleLibraries of(Map<String, String> texts) {
        return new RuleLibraries(new TreeMap<>(texts), new TreeMap<>());
    }

    /** The libraries in {@code rulesDir/lib}; none when there is no such folder. */
    public static RuleLibraries read(Path rulesDir) {
        Path dir = rulesDir.resolve(FOLDER);
        SortedMap<String, String> texts = new TreeMap<>();
        SortedMap<String, String> unusable = new TreeMap<>();
        if (!Files.isDirectory(dir)) return NONE;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.js")) {
            for (Path p : stream) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(p)) continue;
                if (!RuleRegistry.insideFolder(rulesDir, p)) {
                    unusable.put(name, "the file is a link to a file outside the rules folder; it is not read");
                    continue;
                }
                try {
                    if (Files.size(p) > RuleValidator.MAX_FILE_BYTES) {
                        unusable.put(name, "the file is larger than " + RuleValidator.MAX_FILE_BYTES + " bytes");
                        continue;
                    }
                    texts.put(name, decode(Files.readAllBytes(p)));
                } catch (CharacterCodingException e) {
                    unusable.put(name, "the file is not UTF-8 text");
                } catch (NoSuchFileException e) {
                    // deleted while listed: not there
                }
            }
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new RuleLibraries(texts, unusable);
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** Only the libraries named, as a rule that imports them keeps them. */
    public RuleLibraries only(java.util.Collection<String> names) {
        SortedMap<String, String> kept = new TreeMap<>();
        for (String name : names) {
            if (texts.containsKey(name)) kept.put(name, texts.get(name));
        }
        return new RuleLibraries(kept, new TreeMap<>());
    }

    public boolean isEmpty() {
        return texts.isEmpty() && unusable.isEmpty();
    }

    /** A hash of every library and problem: when it changes, the rules must be validated again. */
    public String stamp() {
        var all = new StringBuilder();
        texts.forEach((name, text) -> all.append(name).append('\0').append(text.length()).append('\0').append(text));
        unusable.forEach((name, why) -> all.append(name).append('\1').append(why).append('\0'));
        return RuleValidator.version(all.toString());
    }
}
