package dev.canopy.server.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded database's superuser password: generated once, kept in a file only the owner can
 * read, never logged.
 */
final class DatabasePassword {

    private DatabasePassword() {
    }

    /**
     * Reads the password, or creates it for a database that does not exist yet. A database whose
     * password file is gone cannot be opened, and that is said plainly.
     */
    static String readOrCreate(Path file, boolean databaseExists) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        if (databaseExists) {
            throw new IOException("the password file " + file + " of the existing embedded database is missing;"
                    + " restore it from a backup of the data directory");
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException createdMeanwhile) {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return password;
    }
}
