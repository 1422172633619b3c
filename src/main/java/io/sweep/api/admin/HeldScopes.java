package io.sweep.api.admin;

import io.sweep.auth.ModulePermission;
import io.sweep.auth.Principal;
import io.sweep.auth.Profile;
import io.sweep.auth.Scopes;
import io.sweep.crm.Activities;
import io.sweep.crm.Module;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a caller holds, and so may hand on to a new API token. An administrator holds what their
 * credential carries (a browser session carries every scope). Anyone else holds, within what their
 * credential carries, only what their profile lets them do: per module, {@code ZohoCRM.modules.<m>.READ}
 * where they may view it, {@code CREATE}/{@code UPDATE}/{@code DELETE} where they may edit it, and
 * {@code ZohoCRM.mass_update.<m>.*} where they may mass update it; plus reading the metadata
 * (modules, fields, custom views), changing custom views (their own), listing users, managing their
 * own tokens and reading rules ({@code Sweep.tokens.*}, {@code Sweep.rules.READ}). Never a
 * module-wide scope, {@code ZohoCRM.settings.ALL} or {@code Sweep.admin.ALL}: those reach past the
 * profile (a module-wide scope also covers modules added later).
 */
final class HeldScopes {
    private static final List<String> METADATA = List.of(
            "ZohoCRM.settings.modules.READ", "ZohoCRM.settings.fields.READ",
            "ZohoCRM.settings.custom_views.READ", "ZohoCRM.settings.custom_views.ALL", "ZohoCRM.users.READ",
            // their own tokens, and reading rules (to run those that allow them, from a terminal)
            "Sweep.tokens.READ", "Sweep.tokens.ALL", "Sweep.rules.READ");

    private HeldScopes() {
    }

    static boolean holds(Principal p, Collection<Module> modules, String scope) {
        if (!p.scopes().covers(scope)) return false;
        return p.profile().administrator() || ofProfile(p.profile(), modules).covers(scope);
    }

    /** The scopes a non-administrator's profile stands for. */
    static Scopes ofProfile(Profile profile, Collection<Module> modules) {
        List<String> held = new ArrayList<>(METADATA);
        for (Module m : modules) {
            ModulePermission perm = profile.module(m.id());
            String key = m.scopeName();
            if (perm.canView()) held.add("ZohoCRM.modules." + key + ".READ");
            if (perm.canEdit()) {
                for (String op : List.of("CREATE", "UPDATE", "DELETE")) held.add("ZohoCRM.modules." + key + "." + op);
            }
            if (perm.canView() && perm.canEdit()) held.add("ZohoCRM.modules." + key + ".ALL");
            if (perm.canMassUpdate()) held.add("ZohoCRM.mass_update." + key + ".ALL");
        }
        // the Activities view: what the profile may do in one of the modules it spans
        List<Module> parts = modules.stream().filter(m -> Activities.PARTS.contains(m.apiName())).toList();
        String activities = Module.scopeKey(Activities.API_NAME);
        if (parts.stream().anyMatch(m -> profile.module(m.id()).canView())) held.add("ZohoCRM.modules." + activities + ".READ");
        if (parts.stream().anyMatch(m -> profile.module(m.id()).canMassUpdate())) held.add("ZohoCRM.mass_update." + activities + ".ALL");
        return Scopes.of(held);
    }
}
