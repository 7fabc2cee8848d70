package dev.canopy.server.identity.user;

import java.security.SecureRandom;
import java.util.Optional;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashing (BCrypt, cost 10) and the password policy: 8 to 72 characters (BCrypt reads no
 * more) with a lower-case letter, an upper-case letter and a digit, as Cloudforet asks.
 */
@Component
public class Passwords {

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String ALL = LOWER + UPPER + DIGITS;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);
    private final SecureRandom random = new SecureRandom();
    /** Compared against when a user does not exist, so that a wrong user id costs as long as a wrong password. */
    private final String decoy = encoder.encode("decoy-Password-1");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? decoy : hash);
    }

    /** Why {@code password} breaks the policy, or empty when it does not. */
    public Optional<String> problem(String password) {
        if (password == null || password.length() < 8) {
            return Optional.of("must be at least 8 characters");
        }
        if (password.length() > 72) {
            return Optional.of("must be at most 72 characters");
        }
        if (password.chars().noneMatch(Character::isLowerCase) || password.chars().noneMatch(Character::isUpperCase)
                || password.chars().noneMatch(Character::isDigit)) {
            return Optional.of("must contain a lower-case letter, an upper-case letter and a digit");
        }
        return Optional.empty();
    }

    /** A random password of 20 characters that meets the policy. */
    public String generate() {
        StringBuilder password = new StringBuilder();
        password.append(LOWER.charAt(random.nextInt(LOWER.length())));
        password.append(UPPER.charAt(random.nextInt(UPPER.length())));
        password.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        while (password.length() < 20) {
            password.append(ALL.charAt(random.nextInt(ALL.length())));
        }
        return password.toString();
    }
}
