package io.sweep.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equal_texts_have_no_diff() {
        assertThat(LineDiff.unified("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    void a_changed_line_is_shown_removed_then_added_within_three_lines_of_context() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertThat(LineDiff.unified("a/r.js", before, "b/r.js", after)).isEqualTo("""
                --- a/r.js
                +++ b/r.js
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    void a_new_file_is_all_added_and_a_removed_one_all_removed() {
        assertThat(LineDiff.unified("a", null, "b", "x\ny")).isEqualTo("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n");
        assertThat(LineDiff.unified("a", "x\n", "b", null)).isEqualTo("--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
    }

    @Test
    void changes_far_apart_make_two_hunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) before.append(i).append('\n');
        String after = before.toString().replace("2\n", "two\n").replace("\n19\n", "\nnineteen\n");
        String diff = LineDiff.unified("a", before.toString(), "b", after);
        assertThat(diff.lines().filter(l -> l.startsWith("@@"))).hasSize(2);
        assertThat(diff).contains("-2\n+two\n", "-19\n+nineteen\n");
    }
}
