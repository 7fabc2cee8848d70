package dev.canopy.server.system;

import java.nio.file.Path;

/** Another running instance holds the data directory. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final Path directory;

    public DataDirectoryInUseException(Path directory, String holderPid) {
        super("The data directory " + directory + " is in use by another Canopy server"
                + (holderPid.isEmpty() ? "" : " (process " + holderPid + ")"));
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
