package io.sweep.rules;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The only files a rule context sees: the libraries of one {@link RuleLibraries} snapshot, read
 * only, at {@code /rules/lib/NAME.js}. Nothing here touches the disk. A rule module (which has no
 * path of its own) resolves {@code ./lib/NAME.js} against the working directory {@code /rules};
 * a library resolves {@code ./NAME.js} against its own folder. Every other path (an absolute one,
 * {@code ..} out of the lib folder, a URL, a bare name, a subfolder) is refused with a
 * {@link SecurityException} naming what may be imported.
 *
 * <p>It records which libraries a context read, so a rule keeps (and its version covers) exactly
 * the libraries it imports, also transitively.
 */
final class LibraryFileSystem implements FileSystem {
    static final Path ROOT = Path.of("/rules");
    static final Path LIB = ROOT.resolve(RuleLibraries.FOLDER);
    /** Starts the message of a refused path; the path (relative to the rules folder when inside it) follows. */
    static final String REFUSED = "not a library file of the rules folder: ";
    /** Starts the message of a library that is not there; its path ({@code lib/NAME.js}) follows. */
    static final String MISSING = "there is no library file ";
    private static final FileTime EPOCH = FileTime.fromMillis(0);

    private final RuleLibraries libraries;
    private final Set<String> read = new ConcurrentSkipListSet<>();

    LibraryFileSystem(RuleLibraries libraries) {
        this.libraries = libraries;
    }

    RuleLibraries libraries() {
        return libraries;
    }

    /** The libraries read so far, by file name. */
    SortedSet<String> read() {
        return new TreeSet<>(read);
    }

    @Override
    public Path parsePath(URI uri) {
        throw refused(uri.toString());
    }

    @Override
    public Path parsePath(String path) {
        // a scheme (https:, file:, data:, node:) is never a library
        if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) throw refused(path);
        return Path.of(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE) || modes.contains(AccessMode.EXECUTE)) throw refused(path.toString());
        Path p = absolute(path);
        if (p.equals(ROOT) || p.equals(LIB)) return;
        text(p);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw refused(dir.toString());
    }

    @Override
    public void delete(Path path) {
        throw refused(path.toString());
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        for (OpenOption o : options) {
            if (o != StandardOpenOption.READ) throw refused(path.toString());
        }
        Path p = absolute(path);
        String text = text(p);
        read.add(p.getFileName().toString());
        return new ReadOnlyChannel(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) {
        throw refused(dir.toString());
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return absolute(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        Path p = absolute(path);
        if (!p.equals(ROOT) && !p.equals(LIB)) text(p);
        return p;
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        Path p = absolute(path);
        boolean dir = p.equals(ROOT) || p.equals(LIB);
        long size = dir ? 0 : text(p).getBytes(StandardCharsets.UTF_8).length;
        return Map.ofEntries(
                Map.entry("isRegularFile", !dir), Map.entry("isDirectory", dir), Map.entry("isSymbolicLink", false),
                Map.entry("isOther", false), Map.entry("size", size), Map.entry("lastModifiedTime", EPOCH),
                Map.entry("lastAccessTime", EPOCH), Map.entry("creationTime", EPOCH), Map.entry("fileKey", p.toString()));
    }

    private static Path absolute(Path path) {
        return (path.isAbsolute() ? path : ROOT.resolve(path)).normalize();
    }

    /** The text of the library at {@code p}; refused unless {@code p} names one directly in the lib folder. */
    private String text(Path p) throws IOException {
        if (!LIB.equals(p.getParent())) throw refused(display(p));
        String name = p.getFileName().toString();
        if (!RuleLibraries.NAME.matcher(name).matches()) throw refused(display(p));
        String why = libraries.unusable().get(name);
        if (why != null) throw new SecurityException("lib/" + name + ": " + why);
        String text = libraries.texts().get(name);
        if (text == null) throw new NoSuchFileException("lib/" + name, null, MISSING + "lib/" + name);
        return text;
    }

    /**
     * Where an import specifier written in a module of folder {@code base} ({@link #ROOT} for a rule,
     * {@link #LIB} for a library) leads, as the refusal names it.
     */
    static String target(Path base, String specifier) {
        if (specifier.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) return specifier;
        try {
            return display(base.resolve(specifier).normalize());
        } catch (java.nio.file.InvalidPathException e) {
            return specifier;
        }
    }

    /** A path as the rule author wrote it, relative to the rules folder when it lies in it. */
    static String display(Path p) {
        return p.startsWith(ROOT) ? ROOT.relativize(p).toString() : p.toString();
    }

    private static SecurityException refused(String what) {
        return new SecurityException(REFUSED + what);
    }

    /** A library's bytes, read only. */
    private static final class ReadOnlyChannel implements SeekableByteChannel {
        private final ByteBuffer bytes;
        private boolean open = true;

        ReadOnlyChannel(byte[] bytes) {
            this.bytes = ByteBuffer.wrap(bytes);
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!bytes.hasRemaining()) return -1;
            int n = Math.min(dst.remaining(), bytes.remaining());
            ByteBuffer slice = bytes.slice(bytes.position(), n);
            dst.put(slice);
            bytes.position(bytes.position() + n);
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return bytes.position();
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            bytes.position((int) Math.min(newPosition, bytes.limit()));
            return this;
        }

        @Override
        public long size() {
            return bytes.limit();
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
