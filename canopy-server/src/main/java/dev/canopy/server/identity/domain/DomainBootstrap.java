package dev.canopy.server.identity.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import dev.canopy.server.identity.IdentityProperties;
import dev.canopy.server.identity.user.Passwords;
import dev.canopy.server.system.CanopyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first start with an empty database, creates the root domain {@code default} and its
 * admin user {@code admin}. The password is {@code CANOPY_ADMIN_PASSWORD} when set; otherwise a
 * generated one, shown once in the log and written to {@code <data-dir>/initial-admin-password}
 * (readable by its owner only). Instances starting together agree through an advisory lock.
 */
@Component
class DomainBootstrap implements ApplicationRunner {

    static final String ADMIN_USER = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final long BOOTSTRAP_LOCK = 0x63616e6f7079L;
    private static final Logger log = LoggerFactory.getLogger(DomainBootstrap.class);

    private final Domains domains;
    private final Passwords passwords;
    private final IdentityProperties identity;
    private final CanopyProperties canopy;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DomainBootstrap(Domains domains, Passwords passwords, IdentityProperties identity, CanopyProperties canopy,
                    JdbcClient jdbc, TransactionTemplate transaction) {
        this.domains = domains;
        this.passwords = passwords;
        this.identity = identity;
        this.canopy = canopy;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean given = identity.adminPassword() != null && !identity.adminPassword().isBlank();
        String password = given ? identity.adminPassword() : passwords.generate();
        if (given) {
            passwords.problem(password).ifPresent(problem -> {
                throw new IllegalStateException("CANOPY_ADMIN_PASSWORD " + problem);
            });
        }
        Boolean created = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(BOOTSTRAP_LOCK).query().singleRow();
            if (domains.rootExists()) {
                return false;
            }
            domains.create("default", true, ADMIN_USER, password);
            return true;
        });
        if (!Boolean.TRUE.equals(created)) {
            return;
        }
        if (given) {
            log.info("Created domain 'default' and its admin user '{}' with the password from CANOPY_ADMIN_PASSWORD",
                    ADMIN_USER);
            return;
        }
        Path file = canopy.dataDir().resolve(PASSWORD_FILE);
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        // Shown once, on purpose: the operator has no other way to learn it.
        log.warn("""

                ======================================================================
                Created domain 'default' and its admin user '{}'.
                Initial password: {}
                (also in {}, readable by its owner only; change it after signing in)
                ======================================================================""", ADMIN_USER, password, file);
    }
}
