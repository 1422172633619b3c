package io.sweep.crm.criteria;

import io.sweep.crm.Field;
import io.sweep.crm.Module;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads Zoho's search criteria: {@code ((Last_Name:equals:Burns\,B)and(First_Name:starts_with:M))}.
 *
 * <p>A condition is {@code field:comparator:value}. The value runs to the closing parenthesis,
 * so it may hold colons (date-times do); commas separate several values ("any of them", or
 * from/to for between); a backslash escapes {@code ( ) , : \}. Terms of one group are joined
 * left to right, as Zoho reads {@code 1 or 2 and 3} as {@code (1 or 2) and 3}. Outer parentheses
 * may be left out, and blanks between terms are ignored.
 */
public final class SearchCriteriaParser {
    private final Module module;
    private final Predicate<Field> visible;
    private final String text;
    private int pos;
    private int conditions;

    private SearchCriteriaParser(Module module, Predicate<Field> visible, String text) {
        this.module = module;
        this.visible = visible;
        this.text = text;
    }

    public static Criteria parse(Module module, String criteria) {
        return parse(module, criteria, field -> true);
    }

    /**
     * As {@link #parse(Module, String)}, for a caller who sees only the fields {@code visible}
     * accepts: any other is an unknown field. The criteria's size is checked against {@link CriteriaLimits}.
     */
    public static Criteria parse(Module module, String criteria, Predicate<Field> visible) {
        if (criteria == null || criteria.isBlank()) throw new CriteriaException("criteria is empty");
        CriteriaLimits.checkText(criteria);
        return CriteriaLimits.check(new SearchCriteriaParser(module, visible, criteria).all());
    }

    private Criteria all() {
        skipBlanks();
        Criteria result = peek() == '(' ? terms(0) : condition(false);
        skipBlanks();
        if (pos < text.length()) {
            throw syntax(peek() == ')' ? "unbalanced parentheses: unexpected ')'" : "expected 'and' or 'or'");
        }
        return result;
    }

    /** {@code term (op term)*}, folded left to right. */
    private Criteria terms(int depth) {
        List<Criteria> members = new ArrayList<>(List.of(term(depth)));
        GroupOperator op = null;
        while (true) {
            skipBlanks();
            if (pos >= text.length() || peek() == ')') break;
            GroupOperator next = operator();
            if (op != null && next != op) members = new ArrayList<>(List.of(new Group(op, members)));
            op = next;
            skipBlanks();
            members.add(term(depth));
        }
        return op == null ? members.get(0) : new Group(op, members);
    }

    private Criteria term(int depth) {
        if (peek() != '(') throw syntax("expected '('");
        if (depth == Criteria.MAX_DEPTH) {
            throw syntax("criteria nested deeper than " + Criteria.MAX_DEPTH + " levels");
        }
        pos++;
        skipBlanks();
        Criteria inner = peek() == '(' ? terms(depth + 1) : condition(true);
        skipBlanks();
        if (peek() != ')') throw syntax("unbalanced parentheses: missing ')'");
        pos++;
        return inner;
    }

    private GroupOperator operator() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) pos++;
        String word = text.substring(start, pos);
        return GroupOperator.fromApiName(word).orElseThrow(() -> {
            pos = start;
            return syntax("expected 'and' or 'or'");
        });
    }

    /** Reads up to the closing parenthesis (left for the caller) or, bare, to the end. */
    private Condition condition(boolean enclosed) {
        int start = pos;
        if (++conditions > Criteria.MAX_CONDITIONS) {
            throw syntax("more than " + Criteria.MAX_CONDITIONS + " conditions");
        }
        List<String> parts = new ArrayList<>(3);
        StringBuilder part = new StringBuilder();
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                // kept escaped until the value is split at its commas
                part.append(c).append(text.charAt(++pos));
            } else if (c == ')') {
                if (!enclosed) throw syntax("unbalanced parentheses: unexpected ')'");
                break;
            } else if (c == '(') {
                throw syntax("unexpected '(' inside a condition; write \\( for a parenthesis in a value");
            } else if (c == ':' && parts.size() < 2) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        if (parts.size() < 3) {
            pos = start;
            throw syntax("expected field:comparator:value");
        }
        Field field = ConditionFactory.field(module, unescape(parts.get(0)).strip(), visible);
        Comparator comparator = comparator(field, unescape(parts.get(1)).strip());
        return ConditionFactory.condition(field, comparator, values(parts.get(2)));
    }

    /** Zoho's search says {@code equals}; views say {@code equal}. Both are accepted, in any case. */
    private static Comparator comparator(Field field, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        Optional<Comparator> comparator =
                lower.equals("equals") ? Optional.of(Comparator.EQUAL) : Comparator.fromApiName(lower);
        return comparator.orElseThrow(() -> new CriteriaException(
                "unknown comparator '%s' for field %s".formatted(CriteriaException.shorten(name), field.apiName()), field.apiName()));
    }

    private static List<String> values(String escaped) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                value.append(c).append(escaped.charAt(++i));
            } else if (c == ',') {
                values.add(unescape(value.toString()));
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(unescape(value.toString()));
        return values;
    }

    /** A backslash before any other character stays, so {@code C:\temp}-like text survives. */
    private static String unescape(String escaped) {
        StringBuilder out = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length() && "(),:\\".indexOf(escaped.charAt(i + 1)) >= 0) {
                c = escaped.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private CriteriaException syntax(String problem) {
        return new CriteriaException(
                "%s at position %d of criteria %s".formatted(problem, pos + 1, CriteriaException.shorten(text)));
    }
}
