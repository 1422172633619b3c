package io.sweep.auth;

import io.sweep.db.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Users, their profiles and territories. */
public final class UserRepository {
    private static final RowMapper<User> USER = (rs, ctx) -> new User(
            rs.getLong("id"), rs.getString("email"), rs.getString("full_name"), rs.getLong("profile_id"), rs.getBoolean("active"));

    private final Database db;
    private final Clock clock;

    public UserRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<User> byEmail(String email) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE LOWER(email) = LOWER(:email)")
                .bind("email", email).map(USER).findOne());
    }

    public Optional<User> byId(long id) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id").bind("id", id).map(USER).findOne());
    }

    public List<User> all() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY id").map(USER).list());
    }

    /** The users with these ids, for rendering Owner / Created_By / Modified_By. */
    public Map<Long, User> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(Set.copyOf(ids))).map(USER).list())
                .stream().collect(Collectors.toMap(User::id, Function.identity()));
    }

    public User add(String email, String fullName, String profileName) {
        return db.inTransaction(h -> {
            long profileId = h.createQuery("SELECT id FROM profiles WHERE LOWER(name) = LOWER(:name)")
                    .bind("name", profileName).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no profile named " + profileName));
            long id = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO users (id, email, full_name, profile_id, active, created_time)
                    VALUES (:id, :email, :name, :profile, TRUE, :now)""")
                    .bind("id", id).bind("email", email).bind("name", fullName).bind("profile", profileId)
                    .bind("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .execute();
            return new User(id, email, fullName, profileId, true);
        });
    }

    /** The user as a caller: with their profile, their territories and the given scopes. */
    public Principal principal(User user, Scopes scopes) {
        return new Principal(user, profile(user.profileId()), territoriesOf(user.id()), scopes);
    }

    public Profile profile(long profileId) {
        return db.withHandle(h -> profile(h, profileId));
    }

    private static Profile profile(Handle h, long profileId) {
        var row = h.createQuery("SELECT name, administrator FROM profiles WHERE id = :id").bind("id", profileId)
                .mapToMap().one();
        Map<Long, ModulePermission> modules = new HashMap<>();
        h.createQuery("SELECT * FROM profile_modules WHERE profile_id = :id").bind("id", profileId)
                .map((rs, ctx) -> modules.put(rs.getLong("module_id"), new ModulePermission(
                        rs.getBoolean("can_view"), rs.getBoolean("can_edit"), rs.getBoolean("can_mass_update"),
                        "owned".equals(rs.getString("record_access")) ? ModulePermission.RecordAccess.OWNED : ModulePermission.RecordAccess.ALL)))
                .list();
        Map<Long, Profile.FieldAccess> fields = new HashMap<>();
        h.createQuery("SELECT field_id, access FROM profile_field_restrictions WHERE profile_id = :id").bind("id", profileId)
                .map((rs, ctx) -> fields.put(rs.getLong("field_id"),
                        "hidden".equals(rs.getString("access")) ? Profile.FieldAccess.HIDDEN : Profile.FieldAccess.READ_ONLY))
                .list();
        return new Profile(profileId, (String) row.get("name"), (Boolean) row.get("administrator"), modules, fields);
    }

    /** The territories the user belongs to, with all their descendants (a parent territory's members see its children's records). */
    public Set<Long> territoriesOf(long userId) {
        return db.withHandle(h -> {
            Map<Long, Long> parents = new HashMap<>();
            h.createQuery("SELECT id, parent_id FROM territories")
                    .map((rs, ctx) -> parents.put(rs.getLong("id"), rs.getObject("parent_id", Long.class))).list();
            List<Long> own = h.createQuery("SELECT territory_id FROM user_territories WHERE user_id = :u")
                    .bind("u", userId).mapTo(Long.class).list();
            return Territories.withDescendants(parents, own);
        });
    }
}
