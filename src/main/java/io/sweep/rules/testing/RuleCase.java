package io.sweep.rules.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sweep.rules.RuleTrigger;
import java.util.Map;

/**
 * One case of a rule's case file.
 *
 * @param line      where the case starts in its file, for messages
 * @param record    the record as the script sees it, only the fields the case gives
 * @param params    the run's parameters (overriding the rule's defaults key by key)
 * @param nowMillis {@code ctx.now}, or null for the time of the test run
 */
public record RuleCase(String name, int line, ObjectNode record, Map<String, JsonNode> params, Long nowMillis,
                       RuleTrigger trigger, Expectation expect) {}
