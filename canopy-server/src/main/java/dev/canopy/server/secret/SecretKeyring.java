package dev.canopy.server.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.canopy.server.system.CanopyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The keyset that encrypts secrets: from {@code CANOPY_SECRET_KEY} when set, otherwise generated
 * once into {@code <data-dir>/secret-keyset.json} (mode 0600, with a warning: whoever reads that
 * file reads every secret). Rotation adds a new primary key and keeps the old ones for decryption,
 * so reads go on working while secrets are re-encrypted.
 */
@Component
class SecretKeyring {

    static final String KEYSET_FILE = "secret-keyset.json";
    private static final Logger log = LoggerFactory.getLogger(SecretKeyring.class);

    private record Keys(KeysetHandle handle, Aead aead) {
    }

    private final Path file;
    private final boolean fromSettings;
    private volatile Keys keys;

    SecretKeyring(SecretProperties properties, CanopyProperties canopy) throws GeneralSecurityException, IOException {
        AeadConfig.register();
        this.file = canopy.dataDir().resolve(KEYSET_FILE);
        this.fromSettings = properties.key() != null && !properties.key().isBlank();
        KeysetHandle handle;
        if (fromSettings) {
            handle = TinkJsonProtoKeysetFormat.parseKeyset(properties.key(), InsecureSecretKeyAccess.get());
        } else if (Files.exists(file)) {
            handle = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
        } else {
            handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            write(handle);
            log.warn("Generated the keyset that encrypts secrets into {} (readable by its owner only). Back it up with"
                    + " the database, or set CANOPY_SECRET_KEY to a keyset kept elsewhere.", file);
        }
        this.keys = keys(handle);
    }

    byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        return keys.aead().encrypt(plaintext, associatedData);
    }

    byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        return keys.aead().decrypt(ciphertext, associatedData);
    }

    /** The id of the key new secrets are encrypted with (unsigned, as the keyset file writes it). */
    long primaryKeyId() {
        return Integer.toUnsignedLong(keys.handle().getPrimary().getId());
    }

    /** Makes a new primary key, written to the keyset file first; older keys keep decrypting. */
    synchronized long rotate() throws GeneralSecurityException, IOException {
        if (fromSettings) {
            throw new IllegalStateException("the keyset comes from CANOPY_SECRET_KEY: add a new primary key there");
        }
        KeysetHandle rotated = KeysetHandle.newBuilder(keys.handle())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        write(rotated);
        keys = keys(rotated);
        return primaryKeyId();
    }

    boolean fromSettings() {
        return fromSettings;
    }

    private static Keys keys(KeysetHandle handle) throws GeneralSecurityException {
        return new Keys(handle, handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
    }

    /** Writes the keyset beside its final place and moves it there, so a crash never leaves half a file. */
    private void write(KeysetHandle handle) throws GeneralSecurityException, IOException {
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(KEYSET_FILE + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()),
                StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
