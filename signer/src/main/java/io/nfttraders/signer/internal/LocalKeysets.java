package io.nfttraders.signer.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.nfttraders.signer.KeyEncryptionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key-encryption key kept in a local Tink JSON keyset file: for development and single-host
 * deployments without a cloud KMS. Used by {@code KeyEncryptionKeys}; not API.
 */
public final class LocalKeysets {

    private static final Logger log = LoggerFactory.getLogger(LocalKeysets.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    /** Serializes creation within this JVM; across processes the no-replace rename decides. */
    private static final Object CREATION_LOCK = new Object();

    private LocalKeysets() {}

    public static KeyEncryptionKey loadOrCreate(Path file) {
        Path path = file.toAbsolutePath().normalize();
        synchronized (CREATION_LOCK) {
            if (!Files.exists(path)) {
                create(path);
            }
        }
        return load(path);
    }

    private static KeyEncryptionKey load(Path path) {
        requireOwnerOnly(path);
        String json;
        try {
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keyset " + path, e);
        }
        TinkSetup.ensureRegistered();
        KeysetHandle handle;
        try {
            handle = TinkJsonProtoKeysetFormat.parseKeyset(json, RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // No cause attached: parser messages may quote the file's content, which is key material.
            throw new IllegalStateException("not a Tink JSON keyset: " + path);
        }
        try {
            Aead aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            return new Kek(aead, "local keyset " + path);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keyset " + path + " is not an AEAD keyset", e);
        }
    }

    /** A key-encryption key that others could read protects nothing; refuse to use it. */
    private static void requireOwnerOnly(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("keyset " + path + " is not a regular file");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            throw new IllegalStateException("cannot verify permissions of keyset " + path + ": not a POSIX file system");
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read permissions of keyset " + path, e);
        }
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new IllegalStateException("refusing keyset " + path + " with permissions "
                    + PosixFilePermissions.toString(permissions) + ": it must be owner-only (chmod 600)");
        }
    }

    /**
     * Writes a new AES256-GCM keyset to a temporary owner-only file in the same directory, syncs it,
     * then renames it into place. The rename never replaces an existing file: replacing a KEK would
     * orphan every seed sealed with it, so if another process won the race we use its keyset.
     */
    private static void create(Path path) {
        Path dir = Objects.requireNonNull(path.getParent(), "keyset path needs a parent directory");
        byte @Nullable [] json = null;
        @Nullable Path tmp = null;
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
            TinkSetup.ensureRegistered();
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
            // The intermediate String cannot be wiped; the byte copy at least can.
            json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, RegistryConfiguration.get(), InsecureSecretKeyAccess.get())
                    .getBytes(StandardCharsets.UTF_8);
            tmp = Files.createTempFile(dir, ".kek-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            Files.setPosixFilePermissions(tmp, OWNER_ONLY_FILE); // in case an odd umask got in the way
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(json);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(tmp, path); // same directory, so a rename(2); no REPLACE_EXISTING on purpose
            syncDirectory(dir);
            log.warn("Created a new local key-encryption keyset at {}; back it up: seeds sealed with it are lost without it", path);
        } catch (FileAlreadyExistsException e) {
            log.info("Keyset {} was created concurrently; using that one", path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create keyset " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a keyset", e);
        } finally {
            if (json != null) {
                Arrays.fill(json, (byte) 0);
            }
            deleteQuietly(tmp);
        }
    }

    /** Makes the rename durable, so a crash cannot lose a KEK that already sealed a seed. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Could not fsync directory {}", dir, e);
        }
    }

    private static void deleteQuietly(@Nullable Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            log.warn("Could not delete temporary keyset file {}", tmp, e);
        }
    }
}
