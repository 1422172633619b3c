package io.sweep.api.zoho;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.sweep.api.JsonResponse;
import io.sweep.auth.Principal;
import io.sweep.crm.Field;
import io.sweep.crm.Metadata;
import io.sweep.crm.Module;
import io.sweep.crm.PicklistValue;
import io.sweep.json.Json;

/** {@code /crm/v2/settings/*}: the metadata clients read before a mass update. */
final class SettingsRoutes {
    private final ZohoContext zoho;
    private final Metadata metadata;
    private final CustomViewRoutes views;

    SettingsRoutes(ZohoContext zoho, Metadata metadata, CustomViewRoutes views) {
        this.zoho = zoho;
        this.metadata = metadata;
        this.views = views;
    }

    void modules(Context ctx) {
        Principal p = zoho.principal(ctx);
        ObjectNode body = Json.object();
        var list = body.putArray("modules");
        for (Module m : metadata.modules()) {
            var perm = p.profile().module(m.id());
            moduleEntry(list.addObject(), m, perm.canView(), perm.canEdit());
        }
        // the Activities view: viewable where one of its parts is; written only through its parts
        metadata.activities().ifPresent(a -> moduleEntry(list.addObject(), a,
                metadata.activityParts().stream().anyMatch(part -> p.profile().module(part.id()).canView()), false));
        JsonResponse.send(ctx, 200, body);
    }

    private static void moduleEntry(ObjectNode node, Module m, boolean viewable, boolean editable) {
        node.put("api_name", m.apiName());
        node.put("module_name", m.moduleName());
        node.put("singular_label", m.singularLabel());
        node.put("plural_label", m.pluralLabel());
        node.put("id", String.valueOf(m.id()));
        node.put("api_supported", true);
        node.put("generated_type", m.custom() ? "custom" : "default");
        node.put("editable", editable);
        node.put("creatable", editable);
        node.put("viewable", viewable);
        node.put("deletable", editable);
        node.put("sequence_number", m.sequenceNumber());
    }

    void fields(Context ctx) {
        Principal p = zoho.principal(ctx);
        Module module = moduleParam(ctx);
        ObjectNode body = Json.object();
        var list = body.putArray("fields");
        for (Field f : module.fields()) {
            if (!p.profile().maySeeField(f.id())) continue;
            list.add(field(f, p.profile().mayEditField(f.id())));
        }
        JsonResponse.send(ctx, 200, body);
    }

    /**
     * One standard layout per module (Sweep has no layouts of its own): a section with the
     * module's fields and, as Zoho's standard layouts have, a section for the long texts. Its id
     * is the module's. Fields hidden from the caller are left out, as in {@link #fields}.
     */
    void layouts(Context ctx) {
        Principal p = zoho.principal(ctx);
        Module module = moduleParam(ctx);
        ObjectNode body = Json.object();
        ObjectNode layout = body.putArray("layouts").addObject();
        layout.put("id", String.valueOf(module.id()));
        layout.put("name", "Standard");
        layout.put("visible", true);
        layout.put("status", 0);
        layout.put("source", "crm");
        var sections = layout.putArray("sections");
        ObjectNode main = section(sections, module.singularLabel() + " Information", 1, 2);
        ObjectNode description = section(sections, "Description Information", 2, 1);
        for (Field f : module.fields()) {
            if (!p.profile().maySeeField(f.id())) continue;
            ObjectNode target = f.dataType() == io.sweep.crm.DataType.TEXTAREA ? description : main;
            ((com.fasterxml.jackson.databind.node.ArrayNode) target.get("fields")).add(field(f, p.profile().mayEditField(f.id())));
        }
        if (description.get("fields").isEmpty()) sections.remove(1);
        JsonResponse.send(ctx, 200, body);
    }

    private static ObjectNode section(com.fasterxml.jackson.databind.node.ArrayNode sections, String label, int sequence, int columns) {
        ObjectNode section = sections.addObject();
        section.put("display_label", label);
        section.put("name", label);
        section.put("sequence_number", sequence);
        section.put("column_count", columns);
        section.put("tab_traversal", 1);
        section.putArray("fields");
        return section;
    }

    void customViews(Context ctx) {
        Principal p = zoho.principal(ctx);
        views.list(ctx, p, moduleParam(ctx));
    }

    void customView(Context ctx) {
        Principal p = zoho.principal(ctx);
        views.one(ctx, p, moduleParam(ctx), ctx.pathParam("id"));
    }

    private Module moduleParam(Context ctx) {
        String name = ctx.queryParam("module");
        if (name == null || name.isBlank()) {
            throw new io.sweep.errors.ApiException(io.sweep.errors.ErrorCode.MANDATORY_PARAM_MISSING, java.util.Map.of("param_name", "module"));
        }
        return zoho.module(name);
    }

    private ObjectNode field(Field f, boolean editable) {
        ObjectNode node = Json.object();
        node.put("api_name", f.apiName());
        node.put("field_label", f.label());
        node.put("display_label", f.label());
        node.put("data_type", f.dataType().apiName());
        node.put("json_type", f.dataType().jsonType());
        node.put("id", String.valueOf(f.id()));
        node.put("length", f.length());
        if (f.decimalPlace() != null) node.put("decimal_place", f.decimalPlace());
        node.put("read_only", f.readOnly());
        node.put("field_read_only", f.readOnly() || !editable);
        node.put("system_mandatory", f.systemMandatory());
        node.put("custom_field", f.customField());
        node.put("visible", f.visible());
        node.put("mass_update", f.massUpdatable());
        node.put("sequence_number", f.sequenceNumber());
        var picklist = node.putArray("pick_list_values");
        for (PicklistValue v : f.picklistValues()) {
            ObjectNode pv = picklist.addObject();
            pv.put("display_value", v.displayValue());
            pv.put("actual_value", v.actualValue());
            pv.put("sequence_number", v.sequenceNumber());
        }
        ObjectNode lookup = node.putObject("lookup");
        if (f.lookupModuleId() != null) {
            // v2 names the looked-up module by its api_name, a string (v2.1 made it {api_name, id}):
            // Zoho's v2 SDKs read it as a String and ask for that module's fields by it
            metadata.moduleById(f.lookupModuleId()).ifPresent(m -> lookup.put("module", m.apiName()));
            lookup.put("api_name", f.apiName());
            lookup.put("display_label", f.label());
            lookup.put("id", String.valueOf(f.id()));
        }
        return node;
    }
}
