package org.collaborative.app.onboarding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, as the NCSC advises (Password administration for system owners): long enough (at least
 * {@link #MIN_LENGTH} characters), not one of the passwords attackers try first, and nothing else: no required mix of
 * character kinds, no expiry. The deny-list is Openwall's {@code password.lst} (public domain), shipped as
 * {@code security/common-passwords.txt}; it is compared without regard to case. The address and the name of the
 * service are refused too, being the first guesses at one person's password.
 */
@Component
public class PasswordRules {

    public static final int MIN_LENGTH = 8;
    /** BCrypt uses the first 72 bytes only: a longer password would silently be cut. */
    public static final int MAX_LENGTH = 64;

    private static final int MAX_BYTES = 72;

    private final Set<String> common;

    public PasswordRules() {
        this(load("security/common-passwords.txt"));
    }

    PasswordRules(Set<String> common) {
        this.common = common;
    }

    /** Why the password cannot be used, in words for the person choosing it; empty when it can. */
    public Optional<String> problem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Password must be " + MIN_LENGTH + " characters or more");
        }
        if (password.length() > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Password must be " + MAX_LENGTH + " characters or fewer");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("Password is too easy to guess: it is one of the most common passwords. Try three"
                    + " random words");
        }
        if (lower.contains("collaborative")) {
            return Optional.of("Password must not contain the name of this service");
        }
        if (email != null && !email.isBlank()) {
            String address = email.strip().toLowerCase(Locale.ROOT);
            String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
            if (lower.contains(address) || (local.length() >= 4 && lower.contains(local))) {
                return Optional.of("Password must not contain your email address");
            }
        }
        return Optional.empty();
    }

    static Set<String> load(String resource) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.startsWith("#!comment:"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException("The common-password list is missing from the build", e);
        }
    }
}
