package io.sweep.auth;

import io.sweep.db.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
        return db.read(h -> h.createQuery("SELECT * FROM users WHERE id = :id").bind("id", id).map(USER).findOne());
    }

    public List<User> all() {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users ORDER BY id").map(USER).list());
    }

    /** The users with these ids, for rendering Owner / Created_By / Modified_By. */
    public Map<Long, User> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return db.read(h -> h.createQuery("SELECT * FROM users WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(Set.copyOf(ids))).map(USER).list())
                .stream().collect(Collectors.toMap(User::id, Function.identity()));
    }

    /** A user's login data: the user and their password hash (null when they have none). */
    public record Login(User user, String passwordHash) {}

    /** A user as the admin UI lists them. */
    public record Listed(User user, String profileName, boolean hasPassword) {}

    public record ProfileName(long id, String name) {}

    /** Thrown when a user with the e-mail (in any case) exists already. */
    public static final class DuplicateEmailException extends IllegalArgumentException {
        public DuplicateEmailException(String email) {
            super("a user with e-mail " + email + " exists already");
        }
    }

    /** Thrown when no profile has the name given. */
    public static final class UnknownProfileException extends IllegalArgumentException {
        public UnknownProfileException(String name) {
            super("no profile named " + name);
        }
    }

    public Optional<Login> login(String email) {
        return db.withHandle(h -> h.createQuery("SELECT * FROM users WHERE LOWER(email) = LOWER(:email)")
                .bind("email", email)
                .map((rs, ctx) -> new Login(USER.map(rs, ctx), rs.getString("password_hash")))
                .findOne());
    }

    public List<Listed> listed() {
        return db.withHandle(h -> h.createQuery("""
                SELECT u.*, p.name AS profile_name
                FROM users u JOIN profiles p ON p.id = u.profile_id
                ORDER BY LOWER(u.email), u.id""")
                .map((rs, ctx) -> new Listed(USER.map(rs, ctx), rs.getString("profile_name"), rs.getString("password_hash") != null))
                .list());
    }

    /** A user as the users API of the CRM shows them: profile by name, creation time, territories. */
    public record Directory(User user, ProfileName profile, boolean administrator, OffsetDateTime createdTime,
                            List<TerritoryName> territories) {}

    public record TerritoryName(long id, String name) {}

    /** A territory of the tree: its parent is null for a root. */
    public record Territory(long id, String name, Long parentId) {}

    public List<Territory> territories() {
        return db.read(h -> h.createQuery("SELECT id, name, parent_id FROM territories ORDER BY id")
                .map((rs, ctx) -> new Territory(rs.getLong("id"), rs.getString("name"), rs.getObject("parent_id", Long.class)))
                .list());
    }

    /** Every user (or the one with {@code onlyId}), ordered by id, with their profile and territories. */
    public List<Directory> directory(Long onlyId) {
        return db.read(h -> {
            Map<Long, List<TerritoryName>> territories = new HashMap<>();
            h.createQuery("""
                    SELECT ut.user_id, t.id, t.name
                    FROM user_territories ut JOIN territories t ON t.id = ut.territory_id
                    ORDER BY t.name""")
                    .map((rs, ctx) -> territories.computeIfAbsent(rs.getLong("user_id"), id -> new java.util.ArrayList<>())
                            .add(new TerritoryName(rs.getLong("id"), rs.getString("name"))))
                    .list();
            var query = h.createQuery("""
                    SELECT u.*, p.name AS profile_name, p.administrator
                    FROM users u JOIN profiles p ON p.id = u.profile_id
                    """ + (onlyId == null ? "" : "WHERE u.id = :id ") + "ORDER BY u.id");
            if (onlyId != null) query.bind("id", onlyId);
            return query.map((rs, ctx) -> {
                        User user = USER.map(rs, ctx);
                        return new Directory(user, new ProfileName(user.profileId(), rs.getString("profile_name")),
                                rs.getBoolean("administrator"), rs.getObject("created_time", OffsetDateTime.class),
                                territories.getOrDefault(user.id(), List.of()));
                    })
                    .list();
        });
    }

    public List<ProfileName> profileNames() {
        return db.withHandle(h -> h.createQuery("SELECT id, name FROM profiles ORDER BY name")
                .map((rs, ctx) -> new ProfileName(rs.getLong("id"), rs.getString("name"))).list());
    }

    public String profileName(long profileId) {
        return db.withHandle(h -> h.createQuery("SELECT name FROM profiles WHERE id = :id").bind("id", profileId).mapTo(String.class).one());
    }

    public User add(String email, String fullName, String profileName) {
        return add(email, fullName, profileName, null);
    }

    /** Adds an active user; {@code passwordHash} may be null (no browser login until one is set). */
    public User add(String email, String fullName, String profileName, String passwordHash) {
        return db.claim(h -> {
            long profileId = h.createQuery("SELECT id FROM profiles WHERE LOWER(name) = LOWER(:name)")
                    .bind("name", profileName).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new UnknownProfileException(profileName));
            boolean taken = h.createQuery("SELECT COUNT(*) FROM users WHERE LOWER(email) = LOWER(:email)")
                    .bind("email", email).mapTo(Long.class).one() > 0;
            if (taken) throw new DuplicateEmailException(email);
            long id = db.nextId(h);
            h.createUpdate("""
                    INSERT INTO users (id, email, full_name, profile_id, active, password_hash, created_time)
                    VALUES (:id, :email, :name, :profile, TRUE, :hash, :now)""")
                    .bind("id", id).bind("email", email).bind("name", fullName).bind("profile", profileId)
                    .bind("hash", passwordHash)
                    .bind("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .execute();
            return new User(id, email, fullName, profileId, true);
        }).orElseThrow(() -> new DuplicateEmailException(email));
    }

    /** Sets (or with null, removes) a user's password hash; false when there is no such user. */
    public boolean setPasswordHash(long userId, String passwordHash) {
        return db.withHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", passwordHash).bind("id", userId).execute() > 0);
    }

    /** Turns a user's logins on or off (tokens and sessions of an inactive user are refused); false when there is no such user. */
    public boolean setActive(long userId, boolean active) {
        return db.withHandle(h -> h.createUpdate("UPDATE users SET active = :active WHERE id = :id")
                .bind("active", active).bind("id", userId).execute() > 0);
    }

    /** The user as a caller: their profile and territories, read on one connection (every request and every chunk asks). */
    public Principal principal(User user, Scopes scopes) {
        return db.read(h -> new Principal(user, profile(h, user.profileId()), territoriesOf(h, user.id()), scopes));
    }

    public Profile profile(long profileId) {
        return db.read(h -> profile(h, profileId));
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
        return db.read(h -> territoriesOf(h, userId));
    }

    private static Set<Long> territoriesOf(Handle h, long userId) {
        // walked by the database: the user's few territories, not the whole tree, come back
        return new HashSet<>(h.createQuery("""
                        WITH RECURSIVE seen(id) AS (
                            SELECT territory_id FROM user_territories WHERE user_id = :u
                            UNION
                            SELECT t.id FROM territories t JOIN seen ON t.parent_id = seen.id)
                        SELECT id FROM seen""")
                .bind("u", userId).mapTo(Long.class).list());
    }
}
