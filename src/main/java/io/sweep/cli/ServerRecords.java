package io.sweep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records of a running server for {@code sweep test --snapshot}, read through the Zoho API with the
 * caller's token, as that token's user sees them: each record by id, and the related fields the
 * rule includes from the records its lookups point at (a related record the user may not see
 * arrives without them, as in a job).
 */
public final class ServerRecords {
    /** A related field a rule includes: {@code Account_Name.Billing_Country}. */
    public record Related(String lookup, String field) {}

    private final SweepClient client;
    private final List<String> ids;

    public ServerRecords(String url, String token, List<String> ids) {
        if (token == null || token.isBlank()) throw new CliFailure(ExitCodes.USAGE, "no token: pass --token or set SWEEP_TOKEN");
        this.client = new SweepClient(url, token);
        this.ids = List.copyOf(ids);
    }

    /** The records, each with the related fields of {@code include}. */
    public List<ObjectNode> records(String module, List<Related> include) {
        Map<String, JsonNode> fields = fields(module);
        List<ObjectNode> records = new ArrayList<>();
        for (String id : ids) {
            if (!id.matches("\\d{1,19}")) throw new CliFailure(ExitCodes.USAGE, "--ids: not a record id: " + id);
            ObjectNode record = asUpdateSeesIt(first(client.get("/crm/v2/" + enc(module) + "/" + id), "data", module + " " + id), fields);
            for (Related related : include) addRelated(record, related, fields.get(related.lookup()));
            records.add(record);
        }
        return records;
    }

    /**
     * The record as {@code update} gets it: its id and the module's fields, lookups as {@code {id, name}};
     * what the API adds around them (tags, the e-mails of users, {@code $} properties) left out.
     */
    private static ObjectNode asUpdateSeesIt(JsonNode apiRecord, Map<String, JsonNode> fields) {
        ObjectNode record = io.sweep.json.Json.object();
        record.set("id", apiRecord.get("id"));
        apiRecord.properties().forEach(e -> {
            if (!fields.containsKey(e.getKey()) || e.getKey().equals("id")) return;
            JsonNode value = e.getValue();
            if (value instanceof ObjectNode lookup) {
                ObjectNode bare = record.putObject(e.getKey());
                bare.set("id", lookup.get("id"));
                bare.set("name", lookup.get("name"));
            } else {
                record.set(e.getKey(), value);
            }
        });
        return record;
    }

    private void addRelated(ObjectNode record, Related related, JsonNode field) {
        if (!(record.get(related.lookup()) instanceof ObjectNode lookup) || !lookup.hasNonNull("id") || field == null) return;
        String relatedId = lookup.get("id").asText();
        SweepClient.Answer answer;
        JsonNode relatedRecord;
        if ("ownerlookup".equals(field.path("data_type").asText())) {
            answer = client.get("/crm/v2/users/" + enc(relatedId));
            relatedRecord = answer.ok() ? answer.body().path("users").path(0) : null;
        } else {
            String target = field.path("lookup").path("module").asText("");
            if (target.isEmpty()) return;
            answer = client.get("/crm/v2/" + enc(target) + "/" + enc(relatedId));
            relatedRecord = answer.ok() ? answer.body().path("data").path(0) : null;
        }
        // not visible to the token's user: the lookup comes without the related fields, as a job gives it
        if (relatedRecord == null || relatedRecord.isMissingNode()) return;
        lookup.set(related.field(), relatedRecord.path(related.field()).isMissingNode() ? null : relatedRecord.get(related.field()));
    }

    private Map<String, JsonNode> fields(String module) {
        SweepClient.Answer answer = client.get("/crm/v2/settings/fields?module=" + enc(module));
        if (!answer.ok()) throw new CliFailure(ExitCodes.FAILED, "the fields of " + module + ": " + answer.error());
        Map<String, JsonNode> byName = new HashMap<>();
        for (JsonNode f : answer.body().path("fields")) byName.put(f.path("api_name").asText(), f);
        return byName;
    }

    /** The first entry of {@code array} in an answer that must be a success. */
    private static JsonNode first(SweepClient.Answer answer, String array, String what) {
        if (answer.status() == 204) throw new CliFailure(ExitCodes.FAILED, what + ": no such record (or not visible to the token's user)");
        if (!answer.ok()) throw new CliFailure(ExitCodes.FAILED, what + ": " + answer.error());
        JsonNode first = answer.body().path(array).path(0);
        if (!first.isObject()) throw new CliFailure(ExitCodes.FAILED, what + ": the server answered no " + array);
        return first;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
