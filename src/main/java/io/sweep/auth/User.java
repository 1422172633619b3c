package io.sweep.auth;

public record User(long id, String email, String fullName, long profileId, boolean active) {}
