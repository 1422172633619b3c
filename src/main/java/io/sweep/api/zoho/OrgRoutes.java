package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.auth.UserRepository;
import io.sweep.json.Json;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * {@code GET /crm/v2/org}: the organisation as Zoho's v2 describes it. A Sweep installation is
 * one organisation with no settings of its own for it: its name is Sweep's, its primary contact
 * the first active administrator, its time zone the server clock's, and its currency US dollars
 * (currency fields hold amounts without a currency of their own).
 */
final class OrgRoutes {
    /** Below the first id the id sequence hands out, like every row seeded by the migrations. */
    static final String ORG_ID = "5725767000000000001";

    private final UserRepository users;
    private final ZoneId timeZone;

    OrgRoutes(UserRepository users, ZoneId timeZone) {
        this.users = users;
        this.timeZone = timeZone;
    }

    void get(Context ctx) {
        ObjectNode body = Json.object();
        ObjectNode org = body.putArray("org").addObject();
        org.put("id", ORG_ID);
        org.put("company_name", "Sweep");
        var admin = users.directory(null).stream().filter(d -> d.administrator() && d.user().active()).findFirst();
        org.put("primary_email", admin.map(d -> d.user().email()).orElse(null));
        org.put("primary_zuid", admin.map(d -> String.valueOf(d.user().id())).orElse(null));
        org.put("time_zone", zoneName());
        org.put("currency", "US Dollar - USD");
        org.put("iso_code", "USD");
        org.put("currency_symbol", "$");
        org.put("currency_locale", "en_US");
        org.put("country_code", "US");
        org.put("mc_status", false);
        org.put("gapps_enabled", false);
        org.putNull("domain_name");
        org.putNull("website");
        org.putNull("phone");
        org.putNull("description");
        org.put("type", "production");
        JsonResponse.send(ctx, 200, body);
    }

    /** An IANA name; a bare zero offset (a UTC clock) is written as Etc/UTC, as a client expects a zone name here. */
    private String zoneName() {
        ZoneId zone = timeZone.normalized();
        return zone instanceof ZoneOffset offset ? (offset.getTotalSeconds() == 0 ? "Etc/UTC" : "GMT" + offset.getId()) : zone.getId();
    }
}
