package io.sweep.crm.criteria;

import java.util.List;
import java.util.Objects;

/** Criteria joined by one operator. */
public record Group(GroupOperator op, List<Criteria> children) implements Criteria {

    public Group {
        Objects.requireNonNull(op, "op");
        children = List.copyOf(children);
        if (children.isEmpty()) throw new CriteriaException("a group needs at least one condition");
    }
}
