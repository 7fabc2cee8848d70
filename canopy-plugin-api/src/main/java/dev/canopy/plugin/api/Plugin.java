package dev.canopy.plugin.api;

import java.util.Map;

/**
 * What every plugin kind answers. Plugins are stateless: each call carries the options and the
 * decrypted secret data it needs. Maps hold JSON values (null, Boolean, Number, String, List, Map).
 */
public interface Plugin extends AutoCloseable {

    /** Runs when a resource first binds the plugin; the metadata is stored on that resource. */
    PluginMetadata init(Map<String, Object> options);

    /** Checks that options and credentials work; throws {@link PluginException} when they do not. */
    void verify(Map<String, Object> options, Map<String, Object> secretData);

    /** Releases what a host-side adapter holds; plugins themselves rarely need it. */
    @Override
    default void close() {
    }
}
