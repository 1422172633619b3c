package io.sweep.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, with three lines of context: what a reviewer of a
 * rule change reads. The common head and tail are cut first; the rest is matched by a longest
 * common subsequence, unless it is so large that the table would cost too much memory, when
 * the changed middle is shown as removed and added whole.
 */
public final class LineDiff {
    private static final int CONTEXT = 3;
    /** Cells of the LCS table (ints): 4 million is 16 MB, far beyond any rule file's changed part. */
    private static final long MAX_CELLS = 4_000_000L;

    private LineDiff() {}

    /** The diff as text ({@code ---}/{@code +++} headers, {@code @@} hunks); empty when the texts are equal. */
    public static String unified(String oldName, String oldText, String newName, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Op> ops = ops(a, b);
        if (ops.stream().allMatch(o -> o.type == ' ')) return "";
        var out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n').append("+++ ").append(newName).append('\n');
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).type == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend the hunk while the next change is close enough for the contexts to touch
            while (true) {
                while (end < ops.size() && ops.get(end).type != ' ') end++;
                int next = end;
                while (next < ops.size() && ops.get(next).type == ' ') next++;
                if (next < ops.size() && next - end <= 2 * CONTEXT) {
                    end = next;
                } else {
                    end = Math.min(ops.size(), end + CONTEXT);
                    break;
                }
            }
            hunk(out, ops.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Op> ops) {
        int oldStart = ops.get(0).oldLine;
        int newStart = ops.get(0).newLine;
        int oldCount = (int) ops.stream().filter(o -> o.type != '+').count();
        int newCount = (int) ops.stream().filter(o -> o.type != '-').count();
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount)).append(" @@\n");
        for (Op o : ops) out.append(o.type).append(o.text).append('\n');
    }

    /** A hunk's range as diff writes it: an empty side names the line before it. */
    private static String range(int start, int count) {
        int first = count == 0 ? start - 1 : start;
        return count == 1 ? String.valueOf(first) : first + "," + count;
    }

    /** One line of the diff: ' ' kept, '-' removed, '+' added; with its 1-based line numbers in both texts. */
    private record Op(char type, String text, int oldLine, int newLine) {}

    private static List<Op> ops(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) head++;
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) tail++;
        List<String> midA = a.subList(head, a.size() - tail);
        List<String> midB = b.subList(head, b.size() - tail);
        List<Op> ops = new ArrayList<>();
        int[] pos = {1, 1};
        for (int i = 0; i < head; i++) ops.add(kept(a.get(i), pos));
        if ((long) (midA.size() + 1) * (midB.size() + 1) <= MAX_CELLS) {
            middleByLcs(midA, midB, ops, pos);
        } else {
            for (String line : midA) ops.add(new Op('-', line, pos[0]++, pos[1]));
            for (String line : midB) ops.add(new Op('+', line, pos[0], pos[1]++));
        }
        for (int i = a.size() - tail; i < a.size(); i++) ops.add(kept(a.get(i), pos));
        return ops;
    }

    private static void middleByLcs(List<String> a, List<String> b, List<Op> ops, int[] pos) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(kept(a.get(i), pos));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add(new Op('-', a.get(i++), pos[0]++, pos[1]));
            } else {
                ops.add(new Op('+', b.get(j++), pos[0], pos[1]++));
            }
        }
    }

    private static Op kept(String line, int[] pos) {
        return new Op(' ', line, pos[0]++, pos[1]++);
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        // a final line break ends the last line; it does not start an empty one
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }
}
