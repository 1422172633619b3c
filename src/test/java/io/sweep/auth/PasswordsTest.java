package io.sweep.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void a_hash_names_its_scheme_and_iterations_and_verifies_only_the_same_password() {
        String hash = Passwords.hash("correct horse");

        assertThat(hash).matches("pbkdf2-sha256\\$310000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(Passwords.ITERATIONS).isGreaterThanOrEqualTo(310_000);
        assertThat(Passwords.verify("correct horse", hash)).isTrue();
        assertThat(Passwords.verify("correct horse ", hash)).isFalse();
        assertThat(Passwords.verify("", hash)).isFalse();
    }

    @Test
    void the_same_password_gets_a_new_salt_each_time() {
        assertThat(Passwords.hash("same")).isNotEqualTo(Passwords.hash("same"));
    }

    @Test
    void a_missing_or_unreadable_hash_verifies_nothing() {
        assertThat(Passwords.verify("x", null)).isFalse();
        assertThat(Passwords.verify("x", "plain-text")).isFalse();
        assertThat(Passwords.verify("x", "pbkdf2-sha256$abc$$")).isFalse();
        assertThat(Passwords.verify("x", "pbkdf2-sha256$1000$!!$!!")).isFalse();
    }
}
