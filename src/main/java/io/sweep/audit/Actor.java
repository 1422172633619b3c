package io.sweep.audit;

/**
 * Who did something: a signed-in user (their id and e-mail), or what acted without one — the
 * command line, the rules folder, a webhook or a schedule of a rule. {@code remoteAddress} is the
 * client's address when the action came over HTTP, else null.
 */
public record Actor(Long userId, String label, String remoteAddress) {
    public static final String CLI = "cli";
    public static final String DISK = "disk";

    public Actor {
        if (label == null || label.isBlank()) throw new IllegalArgumentException("an actor needs a label");
    }

    public static Actor user(long userId, String email, String remoteAddress) {
        return new Actor(userId, email, remoteAddress);
    }

    /** Someone at the server's command line ({@code sweep token create}, {@code sweep user add} …). */
    public static Actor cli() {
        return new Actor(null, CLI, null);
    }

    /** A rule file changed in the rules folder, not through Sweep. */
    public static Actor disk() {
        return new Actor(null, DISK, null);
    }

    /** A signed request to a rule's webhook: the rule's secret vouches for it, no user does. */
    public static Actor webhook(String ruleId, String remoteAddress) {
        return new Actor(null, "webhook:" + ruleId, remoteAddress);
    }

    /** What a trigger of a rule does on its own, e.g. {@code schedule:<rule>}. */
    public static Actor trigger(String trigger, String ruleId) {
        return new Actor(null, trigger + ":" + ruleId, null);
    }
}
