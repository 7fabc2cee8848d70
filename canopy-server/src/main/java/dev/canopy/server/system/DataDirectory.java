package dev.canopy.server.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The instance's data directory, held with an exclusive lock on {@code canopy.lock} for as long as
 * the instance runs, so that a second server pointed at the same directory stops at once with a
 * clear message instead of corrupting the first one's database.
 */
public final class DataDirectory implements AutoCloseable {

    static final String LOCK_FILE = "canopy.lock";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it; fails with {@link DataDirectoryInUseException} if another instance holds it. */
    public static DataDirectory lock(Path directory) {
        Path path = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
            Path lockFile = path.resolve(LOCK_FILE);
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DataDirectoryInUseException(path, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return new DataDirectory(path, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use data directory " + path, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    public Path path() {
        return path;
    }

    /** A path inside the data directory. */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
