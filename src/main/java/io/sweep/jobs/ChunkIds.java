package io.sweep.jobs;

import java.util.ArrayList;
import java.util.List;

/** A chunk's record ids as {@code job_chunks.record_ids} keeps them: decimal, in id order, comma-separated. */
final class ChunkIds {
    private ChunkIds() {}

    static String write(List<Long> ids) {
        var text = new StringBuilder(ids.size() * 20);
        for (long id : ids) {
            if (!text.isEmpty()) text.append(',');
            text.append(id);
        }
        return text.toString();
    }

    /** The ids of {@code text}; none for null (a chunk whose records all have results). */
    static List<Long> read(String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isEmpty()) return ids;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf(',', start);
            if (end < 0) end = text.length();
            ids.add(Long.parseLong(text, start, end, 10));
            start = end + 1;
        }
        return ids;
    }
}
